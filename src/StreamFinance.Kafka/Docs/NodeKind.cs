namespace StreamFinance.Kafka.Docs;

/// <summary>What a node of a described topology does.</summary>
internal enum NodeKind
{
    /// <summary>Reads a topic.</summary>
    Source,

    /// <summary>Transforms records, possibly with state stores.</summary>
    Processor,

    /// <summary>Writes a topic.</summary>
    Sink,
}
