using StreamFinance.TestSupport.DeadLetters;
using Microsoft.Extensions.Time.Testing;
using System.Text;
using Confluent.Kafka;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Topologies.Tests.DeadLetters;

/// <summary>
/// Issue 14, found by the embedded poison-pill run: Streamiz deserializes a record when it queues it and again when it
/// processes it, with other records queued in between; two poison records in a row on one partition (calls for offsets
/// 0, 1, 0, 1) were dead-lettered twice each, because only the partition's last offset was remembered.
/// </summary>
public sealed class InterleavedPoisonRecordsTests
{
    [Fact]
    public void Two_poison_records_in_a_row_queued_then_processed_are_dead_lettered_once_each()
    {
        var publisher = new RecordingDeadLetterPublisher();
        var handlers = new DeadLetterExceptionHandlers("expense", TestDeadLetterTopics.Unique(), publisher, new DeadLetterFactory(new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero))));
        var error = new InvalidDataException("Schema id 2147483000 not found");

        foreach (var offset in new long[] { 0, 1, 0, 1 })
            Assert.Equal(Streamiz.Kafka.Net.ExceptionHandlerResponse.CONTINUE, handlers.OnDeserializationError(null!, Poison(offset), error));

        Assert.Equal([0L, 1L], publisher.Published.Select(p => p.DeadLetter.originOffset!.Value));
    }

    private static ConsumeResult<byte[], byte[]> Poison(long offset) => new()
    {
        TopicPartitionOffset = new TopicPartitionOffset("ingest.expenses", 1, offset),
        Message = new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes($"POISON-{offset}"), Value = [0, 0x7f, 0xff, 0xfd, 0x78] },
    };
}
