namespace StreamFinance.Contracts.Catalog;

/// <summary>
/// One topic of the catalog: its name, what its keys and values are, and how Kafka must keep it.
/// Untyped view, for tools that list or create topics; code that reads or writes uses <see cref="Topic{TKey,TValue}"/>.
/// </summary>
public abstract record TopicSpec
{
    /// <summary>Topic name, for example <c>md.cost-centers</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Partition count on real Kafka and on the embedded broker.</summary>
    public required int Partitions { get; init; }

    /// <summary>Cleanup policy.</summary>
    public required CleanupPolicy Cleanup { get; init; }

    /// <summary>How long records are kept; null means forever (<c>retention.ms=-1</c>), usual for compacted tables.</summary>
    public TimeSpan? Retention { get; init; }

    /// <summary>What the key is, in business terms (for example "cost center id").</summary>
    public required string KeyDescription { get; init; }

    /// <summary>What the topic holds and why.</summary>
    public required string Description { get; init; }

    /// <summary>
    /// Who outside StreamFinance uses it (for example "ERP integration teams", "data teams"), declared because no code
    /// shows it. The components that write and read the topic are not declared here: <see cref="TopicUsage"/> derives
    /// them from the topologies, connectors and commands. Default none.
    /// </summary>
    public string Audiences { get; init; } = "";

    /// <summary>
    /// While nothing writes the topic: what will write it and the issue that tracks it, for example
    /// "procurement topology (issue 16)". Such a topic is planned: listed, but not created. A test fails when this
    /// disagrees with what really writes the topic (<see cref="TopicUsage.Disagreements"/>). Default none.
    /// </summary>
    public string? PlannedWriters { get; init; }

    /// <summary>
    /// While nothing reads the topic: what will read it and the issue that tracks it. A test fails once something
    /// reads the topic and this is still set. Default none.
    /// </summary>
    public string? PlannedReaders { get; init; }

    /// <summary>CLR type of the key.</summary>
    public abstract Type KeyType { get; }

    /// <summary>CLR type of the value: a generated Avro record.</summary>
    public abstract Type ValueType { get; }

    /// <summary>Schema Registry subject of the value (Kafka's topic naming strategy).</summary>
    public string ValueSubject => $"{Name}-value";

    /// <summary>The topic-level configs Kafka must hold for this topic.</summary>
    public IReadOnlyDictionary<string, string> KafkaConfigs()
    {
        var configs = new Dictionary<string, string>
        {
            ["cleanup.policy"] = Cleanup == CleanupPolicy.Compact ? "compact" : "delete",
            ["retention.ms"] = Retention is { } r ? ((long)r.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) : "-1",
        };
        if (Cleanup == CleanupPolicy.Compact)
            // Keep tombstones long enough for every reader of a deletion to see it.
            configs["delete.retention.ms"] = ((long)TimeSpan.FromDays(1).TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return configs;
    }
}
