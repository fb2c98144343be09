using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sensitive;
using StreamFinance.Connectors.Sources;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Connectors.Runtime;

/// <summary>
/// One record on its way into Kafka: where it came from, its raw bytes, and either the canonical record to produce or
/// why it must be dead-lettered. Exactly one of <see cref="Record"/> and <see cref="Failure"/> is set.
/// </summary>
public sealed class IngestItem
{
    private IngestItem(SourcePosition position, ReadOnlyMemory<byte> raw, string? profile, TopicSpec? topic, MappedRecord? record, MappingFailure? failure, SensitiveValues? sensitive) =>
        (Position, Raw, Profile, Topic, Record, Failure, Sensitive) = (position, raw, profile, topic, record, failure, sensitive ?? SensitiveValues.None);

    /// <summary>Where the record came from.</summary>
    public SourcePosition Position { get; }

    /// <summary>The record's bytes exactly as received, kept for dead letters.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    /// <summary>Mapping profile <c>name@version</c> applied; null when none was (generator).</summary>
    public string? Profile { get; }

    /// <summary>The canonical topic of <see cref="Record"/>; null when the item is to be dead-lettered.</summary>
    public TopicSpec? Topic { get; }

    /// <summary>The canonical record to produce; null when the item is to be dead-lettered.</summary>
    public MappedRecord? Record { get; }

    /// <summary>Why the record cannot be produced; null when it can.</summary>
    public MappingFailure? Failure { get; }

    /// <summary>The record's values the profile declares sensitive, masked in its dead letter. Default <see cref="SensitiveValues.None"/>.</summary>
    public SensitiveValues Sensitive { get; }

    /// <summary>The same item at <paramref name="position"/>, e.g. with the API cursor it was fetched with.</summary>
    public IngestItem At(SourcePosition position) => new(position ?? throw new ArgumentNullException(nameof(position)), Raw, Profile, Topic, Record, Failure, Sensitive);

    /// <summary>A record ready to produce.</summary>
    public static IngestItem Mapped(SourcePosition position, ReadOnlyMemory<byte> raw, string? profile, TopicSpec topic, MappedRecord record, SensitiveValues? sensitive = null) =>
        new(position, raw, profile, topic ?? throw new ArgumentNullException(nameof(topic)), record ?? throw new ArgumentNullException(nameof(record)), null, sensitive);

    /// <summary>A record that goes to <c>dlq.ingest</c>.</summary>
    public static IngestItem Failed(SourcePosition position, ReadOnlyMemory<byte> raw, string? profile, MappingFailure failure, SensitiveValues? sensitive = null) =>
        new(position, raw, profile, null, null, failure ?? throw new ArgumentNullException(nameof(failure)), sensitive);
}
