using System.Collections;
using System.Globalization;

namespace StreamFinance.Kafka.Observability;

/// <summary>
/// The logging scope of one record: correlation id and where the record came from. Console formatters print it as
/// <c>correlation_id=... topic=... partition=... offset=...</c>; the JSON formatter writes each field as a property.
/// </summary>
public sealed class RecordScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>Scope property holding the correlation id.</summary>
    public const string CorrelationIdKey = "CorrelationId";

    private readonly KeyValuePair<string, object?>[] fields;

    /// <summary>Creates the scope; a missing correlation id is written as <c>-</c>.</summary>
    public RecordScope(string? correlationId, string topic, int partition, long offset)
    {
        CorrelationId = string.IsNullOrEmpty(correlationId) ? "-" : correlationId;
        Topic = topic;
        Partition = partition;
        Offset = offset;
        fields =
        [
            new(CorrelationIdKey, CorrelationId),
            new("Topic", topic),
            new("Partition", partition),
            new("Offset", offset),
        ];
    }

    /// <summary>Correlation id of the business transaction, or <c>-</c>.</summary>
    public string CorrelationId { get; }

    /// <summary>Topic the record was read from.</summary>
    public string Topic { get; }

    /// <summary>Partition the record was read from.</summary>
    public int Partition { get; }

    /// <summary>Offset of the record.</summary>
    public long Offset { get; }

    /// <inheritdoc />
    public int Count => fields.Length;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] => fields[index];

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"correlation_id={CorrelationId} topic={Topic} partition={Partition} offset={Offset}");
}
