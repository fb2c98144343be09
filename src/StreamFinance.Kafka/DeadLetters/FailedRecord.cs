using Confluent.Kafka;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// The record that failed, as it was received: its origin, its raw key and value bytes, and its headers. A dead letter
/// keeps these so that nothing is lost and the record can be replayed once the cause is fixed.
/// </summary>
/// <param name="Origin">Where the record came from.</param>
/// <param name="RawKey">Key bytes exactly as received; null when the record had no key.</param>
/// <param name="RawValue">Value bytes exactly as received; null for a tombstone.</param>
/// <param name="Headers">The record's headers; null when it had none (file records). Never modified.</param>
public sealed record FailedRecord(DeadLetterOrigin Origin, byte[]? RawKey, byte[]? RawValue, Headers? Headers = null)
{
    /// <summary>A record consumed from Kafka, with its exact bytes, headers and position.</summary>
    public static FailedRecord From(ConsumeResult<byte[], byte[]> record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new FailedRecord(
            DeadLetterOrigin.FromTopic(record.Topic, record.Partition.Value, record.Offset.Value),
            record.Message?.Key,
            record.Message?.Value,
            record.Message?.Headers);
    }

    /// <summary>A record Kafka refused to store (a failed delivery), with the bytes that were to be written.</summary>
    public static FailedRecord From(DeliveryReport<byte[], byte[]> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var partition = report.Partition == Partition.Any ? (int?)null : report.Partition.Value;
        return new FailedRecord(DeadLetterOrigin.Unwritten(report.Topic, partition), report.Message?.Key, report.Message?.Value, report.Message?.Headers);
    }
}
