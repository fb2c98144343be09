using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.TestSupport.DeadLetters;
using Streamiz.Kafka.Net;

namespace StreamFinance.Topologies.Tests.DeadLetters;

public sealed class DeadLetterExceptionHandlersTests
{
    private static readonly byte[] NotAvro = Encoding.UTF8.GetBytes("{\"expenseId\":\"EXP-1\"}");

    private readonly RecordingDeadLetterPublisher publisher = new();
    private readonly DeadLetterExceptionHandlers handlers;

    public DeadLetterExceptionHandlersTests()
    {
        handlers = new DeadLetterExceptionHandlers("expense", TestDeadLetterTopics.Unique(), publisher, new DeadLetterFactory(new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void A_record_that_cannot_be_deserialized_is_dead_lettered_with_its_exact_bytes_and_the_stream_continues()
    {
        var record = Consumed("ingest.expenses", 2, 310, NotAvro, TestHeaders.Of(("streamfinance.correlation-id", "corr-310")));
        var exception = new InvalidDataException("Unknown magic byte!");

        var response = handlers.OnDeserializationError(null!, record, exception);

        Assert.Equal(ExceptionHandlerResponse.CONTINUE, response);
        var (_, deadLetter, headers, published) = Assert.Single(publisher.Published);
        Assert.Equal("DESERIALIZATION_FAILED", deadLetter.reasonCode);
        Assert.Equal(OwnerRole.INTEGRATION_SUPPORT, deadLetter.ownerRole);
        Assert.Equal(("ingest.expenses", 2, 310L), (deadLetter.originTopic, deadLetter.originPartition!.Value, deadLetter.originOffset!.Value));
        Assert.Equal(Encoding.UTF8.GetBytes("EXP-1"), deadLetter.rawKey);
        Assert.Equal(NotAvro, deadLetter.rawValue);
        Assert.Equal("corr-310", deadLetter.correlationId);
        Assert.Equal("expense.deserialize", deadLetter.processor);
        Assert.Equal("System.IO.InvalidDataException", deadLetter.exceptionType);
        Assert.Contains("ingest.expenses/2/310", deadLetter.message);
        Assert.Contains("not in Confluent wire format", deadLetter.message);
        Assert.Same(record.Message.Headers, headers);
        Assert.Same(exception, published);
    }

    [Fact]
    public void The_second_call_for_the_same_record_publishes_no_second_dead_letter()
    {
        // Streamiz deserializes each record twice (to queue it and to process it) and calls the handler each time.
        var record = Consumed("ingest.expenses", 0, 7, NotAvro);

        handlers.OnDeserializationError(null!, record, new InvalidDataException("Unknown magic byte!"));
        var second = handlers.OnDeserializationError(null!, record, new InvalidDataException("Unknown magic byte!"));
        handlers.OnDeserializationError(null!, Consumed("ingest.expenses", 1, 7, NotAvro), new InvalidDataException("Unknown magic byte!"));

        Assert.Equal(ExceptionHandlerResponse.CONTINUE, second);
        Assert.Equal([0, 1], publisher.Published.Select(p => p.DeadLetter.originPartition!.Value));
    }

    [Fact]
    public void When_the_dead_letter_is_not_acknowledged_the_deserialization_handler_answers_FAIL_and_retries_next_time()
    {
        var record = Consumed("ingest.expenses", 0, 8, NotAvro);
        publisher.Acknowledge = false;

        var refused = handlers.OnDeserializationError(null!, record, new InvalidDataException("Unknown magic byte!"));
        publisher.Acknowledge = true;
        var retried = handlers.OnDeserializationError(null!, record, new InvalidDataException("Unknown magic byte!"));

        Assert.Equal(ExceptionHandlerResponse.FAIL, refused);
        Assert.Equal(ExceptionHandlerResponse.CONTINUE, retried);
        Assert.Single(publisher.Published);
    }

    [Fact]
    public void A_record_kafka_refuses_to_store_is_dead_lettered_as_production_failed_bound_for_its_topic()
    {
        byte[] value = [0, 0, 0, 0, 7, 42];
        var report = new DeliveryReport<byte[], byte[]>
        {
            Message = new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes("JE-1"), Value = value, Headers = TestHeaders.Of(("streamfinance.correlation-id", "corr-je")) },
            Status = PersistenceStatus.NotPersisted,
            TopicPartitionOffsetError = new TopicPartitionOffsetError(
                new TopicPartitionOffset("erp.journal-postings", Partition.Any, Offset.Unset), new Error(ErrorCode.MsgSizeTooLarge)),
        };

        var response = handlers.OnProductionError(report);

        Assert.Equal(ProductionExceptionHandlerResponse.CONTINUE, response);
        var deadLetter = Assert.Single(publisher.Published).DeadLetter;
        Assert.Equal("PRODUCTION_FAILED", deadLetter.reasonCode);
        Assert.Equal("erp.journal-postings", deadLetter.originTopic);
        Assert.Null(deadLetter.originPartition);
        Assert.Null(deadLetter.originOffset);
        Assert.Equal(value, deadLetter.rawValue);
        Assert.Equal("corr-je", deadLetter.correlationId);
        Assert.Equal("expense.produce", deadLetter.processor);
        Assert.Equal("Confluent.Kafka.KafkaException", deadLetter.exceptionType);
        Assert.Contains("MsgSizeTooLarge", deadLetter.message);
    }

    [Fact]
    public void When_the_dead_letter_of_a_refused_record_is_not_acknowledged_the_production_handler_answers_FAIL()
    {
        publisher.Acknowledge = false;
        var report = new DeliveryReport<byte[], byte[]>
        {
            Message = new Message<byte[], byte[]> { Key = null!, Value = [1] },
            TopicPartitionOffsetError = new TopicPartitionOffsetError(
                new TopicPartitionOffset("erp.commitments", 1, Offset.Unset), new Error(ErrorCode.MsgSizeTooLarge)),
        };

        Assert.Equal(ProductionExceptionHandlerResponse.FAIL, handlers.OnProductionError(report));
    }

    private static ConsumeResult<byte[], byte[]> Consumed(string topic, int partition, long offset, byte[] value, Headers? headers = null) => new()
    {
        TopicPartitionOffset = new TopicPartitionOffset(topic, partition, offset),
        Message = new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes("EXP-1"), Value = value, Headers = headers ?? [] },
    };
}
