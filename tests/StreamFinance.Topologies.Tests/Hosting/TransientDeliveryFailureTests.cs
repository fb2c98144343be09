using Confluent.Kafka;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.TestSupport.DeadLetters;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Kafka.Hosting;
using StreamFinance.Topologies.Tests.DeadLetters;
using Streamiz.Kafka.Net;

namespace StreamFinance.Topologies.Tests.Hosting;

public sealed class TransientDeliveryFailureTests
{
    private readonly RecordingDeadLetterPublisher publisher = new();

    [Theory]
    [InlineData(ErrorCode.Local_MsgTimedOut)]
    [InlineData(ErrorCode.Local_AllBrokersDown)]
    [InlineData(ErrorCode.Local_PurgeQueue)]
    [InlineData(ErrorCode.NotEnoughReplicas)]
    [InlineData(ErrorCode.RequestTimedOut)]
    public void A_record_Kafka_could_not_take_during_an_outage_fails_the_stream_thread_and_is_not_dead_lettered(ErrorCode code)
    {
        var response = ProductionHandler()(Report(new Error(code)));

        Assert.Equal(ProductionExceptionHandlerResponse.FAIL, response);
        Assert.Empty(publisher.Published);
    }

    [Fact]
    public void A_record_Kafka_refuses_for_what_it_is_is_still_dead_lettered_and_the_stream_continues()
    {
        var response = ProductionHandler()(Report(new Error(ErrorCode.MsgSizeTooLarge)));

        Assert.Equal(ProductionExceptionHandlerResponse.CONTINUE, response);
        Assert.Equal("PRODUCTION_FAILED", Assert.Single(publisher.Published).DeadLetter.reasonCode);
    }

    [Fact]
    public void A_fatal_error_is_never_transient_whatever_its_code()
    {
        Assert.False(TransientKafkaErrors.IsTransient(new Error(ErrorCode.Local_MsgTimedOut, "timed out", isFatal: true)));
        Assert.False(TransientKafkaErrors.IsTransient(new Error(ErrorCode.NoError)));
        Assert.False(TransientKafkaErrors.IsTransient(new Error(ErrorCode.TopicAuthorizationFailed)));
    }

    private Func<DeliveryReport<byte[], byte[]>, ProductionExceptionHandlerResponse> ProductionHandler()
    {
        var topology = new ExpenseTopology();
        var handlers = new DeadLetterExceptionHandlers(topology.Name, TestDeadLetterTopics.Unique(), publisher, new DeadLetterFactory(new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero))));
        var config = StreamConfigFactory.Create(topology, new KafkaOptions(), new StreamsOptions(), new SchemaRegistryOptions(), deadLetters: handlers);
        return config.ProductionExceptionHandler;
    }

    private static DeliveryReport<byte[], byte[]> Report(Error error) => new()
    {
        Message = new Message<byte[], byte[]> { Key = "EXP-1"u8.ToArray(), Value = [1, 2, 3] },
        TopicPartitionOffsetError = new TopicPartitionOffsetError(new TopicPartitionOffset("expense.approved", 0, Offset.Unset), error),
    };
}
