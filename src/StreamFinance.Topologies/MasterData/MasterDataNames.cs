namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// The explicit names of the master-data topology's processors, stores, branches and repartition topic. Store and
/// repartition names are part of the internal topic names (<c>{applicationId}-{name}-changelog</c>,
/// <c>{applicationId}-{name}-repartition</c>): never rename one, or the state behind it is orphaned.
/// </summary>
public static class MasterDataNames
{
    /// <summary>The topology's name, part of its application id.</summary>
    public const string Topology = "master-data";

    /// <summary>Source processor of <c>md.updates</c>.</summary>
    public const string Source = "master-data.updates-source";

    /// <summary>Input validation step (with its dead-letter routing processors suffixed to it).</summary>
    public const string Validate = "master-data.validate";

    /// <summary>Stateful step: ownership check, apply the version, prune, store.</summary>
    public const string Apply = "master-data.apply";

    /// <summary>Dead-letter routing of the apply step's ownership violations.</summary>
    public const string ApplyOutcome = "master-data.apply-outcome";

    /// <summary>Drops updates that changed nothing (re-deliveries).</summary>
    public const string Changed = "master-data.changed";

    /// <summary>
    /// RocksDB store of every object's effective-dated history: key <c>TYPE:businessKey</c>, value <c>MasterDataHistory</c>.
    /// Co-partitioned with <c>md.updates</c>, so it needs no repartition.
    /// </summary>
    public const string HistoryStore = "master-data.history";

    /// <summary>Maps a change to the history record written to <c>md.history</c>.</summary>
    public const string HistoryValue = "master-data.history-value";

    /// <summary>Sink of <c>md.history</c>.</summary>
    public const string HistorySink = "master-data.history-sink";

    /// <summary>Keeps the changes whose latest version (by effective date) changed.</summary>
    public const string LatestChanged = "master-data.latest-changed";

    /// <summary>Branch by object type towards the canonical <c>md.*</c> topics; each branch's processors are <c>master-data.canonical.{topic}</c>.</summary>
    public const string Canonical = "master-data.canonical";

    /// <summary>Re-keys supplier changes to <see cref="SupplierPartitionKey"/>.</summary>
    public const string SuppliersRekey = "master-data.suppliers-rekey";

    /// <summary>
    /// Repartition topic (one partition) that brings every supplier change to one task, so duplicate detection sees
    /// every supplier. Topic <c>{applicationId}-master-data.suppliers-all-repartition</c>.
    /// </summary>
    public const string SuppliersAll = "master-data.suppliers-all";

    /// <summary>Dead-letters tombstones read from the <see cref="SuppliersAll"/> repartition topic.</summary>
    public const string SuppliersAllTombstones = "master-data.suppliers-all-tombstones";

    /// <summary>The one key of <see cref="SuppliersAll"/>.</summary>
    public const string SupplierPartitionKey = "suppliers";

    /// <summary>Stateful step: duplicate detection, clustering and survivorship.</summary>
    public const string SupplierMastering = "master-data.supplier-mastering";

    /// <summary>Store of supplier objects: key business key, value <c>SupplierSourceState</c> (own source reference, latest version, golden id).</summary>
    public const string SupplierSourcesStore = "master-data.supplier-sources";

    /// <summary>Store of the blocking index: key blocking key (<c>tax:</c>, <c>bank:</c>, <c>name:</c>, <c>ref:</c>), value <c>SupplierIndexEntry</c>.</summary>
    public const string SupplierIndexStore = "master-data.supplier-index";

    /// <summary>Store of the candidate pairs last published: key pair id, value <c>SupplierDuplicateCandidate</c>.</summary>
    public const string SupplierPairsStore = "master-data.supplier-pairs";

    /// <summary>Store of the golden records last published: key golden id, value <c>Supplier</c>.</summary>
    public const string SupplierGoldenStore = "master-data.supplier-golden";

    /// <summary>Branch of the mastering step's outputs into golden records and duplicate candidates.</summary>
    public const string SupplierOutputs = "master-data.supplier-outputs";

    /// <summary>Records every accepted update (applied or re-delivered) in the audit trail.</summary>
    public const string ApplyAudit = "master-data.apply-audit";
}
