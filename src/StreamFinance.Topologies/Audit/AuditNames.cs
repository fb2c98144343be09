namespace StreamFinance.Topologies.Audit;

/// <summary>
/// The explicit names of the audit topologies' processors and stores. Store names are part of changelog topic names:
/// never rename one, or the chains behind it are orphaned (the next event of every correlation id would start a chain
/// again, which <c>audit verify</c> reports).
/// </summary>
public static class AuditNames
{
    /// <summary>The chainer topology's name, part of its application id.</summary>
    public const string ChainTopology = "audit";

    /// <summary>The index topology's name, part of its application id.</summary>
    public const string IndexTopology = "audit-index";

    /// <summary>Source processor of <c>audit.emitted</c>.</summary>
    public const string EmittedSource = "audit.emitted-source";

    /// <summary>Dead-letters tombstones read from <c>audit.emitted</c>.</summary>
    public const string EmittedTombstones = "audit.emitted-tombstones";

    /// <summary>The chaining step.</summary>
    public const string Chain = "audit.chain";

    /// <summary>Sink of the chained events into <c>audit.events</c>.</summary>
    public const string EventsSink = "audit.events-sink";

    /// <summary>The end of each correlation id's chain: key correlation id, value <c>AuditChainLink</c> text.</summary>
    public const string LinkStore = "audit.chain-links";

    /// <summary>The open day of each partition: key partition number, value <c>AuditPartitionHead</c> text.</summary>
    public const string HeadStore = "audit.partition-heads";

    /// <summary>Source processor of <c>audit.events</c> in the index.</summary>
    public const string EventsSource = "audit-index.events-source";

    /// <summary>The indexing step.</summary>
    public const string Index = "audit-index.index";

    /// <summary>Every chained event by <c>{correlationId}|{sequence, 12 digits}</c>, so a correlation id's events are one key range in order.</summary>
    public const string TimelineStore = "audit-index.timelines";

    /// <summary>Every business id and related id by <c>{id}|{correlationId}</c> (value empty), so an id's correlation ids are one key range.</summary>
    public const string IdStore = "audit-index.ids";
}
