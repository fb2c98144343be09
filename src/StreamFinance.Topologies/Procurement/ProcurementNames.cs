namespace StreamFinance.Topologies.Procurement;

/// <summary>Names of the procurement topology's stores, repartitions and processors: fixed, so changelog and repartition topics never move.</summary>
public static class ProcurementNames
{
    /// <summary>The global table of <c>md.history</c> the procurement rules read point in time (RocksDB, no changelog).</summary>
    public const string MasterDataStore = "procurement.md-history";

    /// <summary>Processor of the global table.</summary>
    public const string MasterDataTable = "procurement.md-history-table";

    /// <summary>Each purchase order's state (RocksDB, changelogged): PO number -> <see cref="OrderState"/> (stage, revision, hold key, what it reserves per budget key).</summary>
    public const string OrderStore = "procurement.orders";

    /// <summary>The latest commitment of each order (RocksDB, changelogged): PO number -> the commitment written last (for its lines on reversal, and for queries).</summary>
    public const string CommitmentStore = "procurement.commitments";

    /// <summary>Open commitments per budget key in the budget's currency (RocksDB, changelogged): budget key -> amount.</summary>
    public const string CommittedStore = "procurement.committed";

    /// <summary>Actuals per budget key from the expense journals the product posted (RocksDB, changelogged): budget key -> amount.</summary>
    public const string ActualStore = "procurement.actuals";

    /// <summary>Reconciliation ids of the journals already counted as actuals (RocksDB, changelogged): a re-delivered journal counts once.</summary>
    public const string JournalStore = "procurement.journals";

    /// <summary>Held purchase orders (RocksDB, changelogged), keyed <c>{first held, UTC ticks, 19 digits}|{PO number}</c> so key order is oldest first.</summary>
    public const string HoldStore = "procurement.holds";

    /// <summary>Source of <c>ingest.purchase-orders</c>.</summary>
    public const string OrderSource = "procurement.purchase-orders-source";

    /// <summary>Source of <c>erp.journal-postings</c> (actuals).</summary>
    public const string JournalSource = "procurement.journal-postings-source";

    /// <summary>Dead-letters tombstones read from <c>ingest.purchase-orders</c>.</summary>
    public const string OrderTombstones = "procurement.purchase-orders-tombstones";

    /// <summary>Dead-letters tombstones read from <c>erp.journal-postings</c>.</summary>
    public const string JournalTombstones = "procurement.journal-postings-tombstones";

    /// <summary>Dead-letters malformed purchase orders (<see cref="Rules.Procurement.PurchaseOrderShape"/>).</summary>
    public const string Shape = "procurement.shape";

    /// <summary>Purchase orders re-keyed by legal entity, so the task that owns an entity's budget keys decides all its orders.</summary>
    public const string OrdersByEntity = "procurement.orders-by-entity";

    /// <summary>Journals re-keyed by legal entity, so actuals reach the task that owns the entity's budget keys.</summary>
    public const string JournalsByEntity = "procurement.journals-by-entity";

    /// <summary>Orders and journals of one entity, merged.</summary>
    public const string Events = "procurement.events";

    /// <summary>The decide step.</summary>
    public const string Decide = "procurement.decide";

    /// <summary>Audit branch of the decide step.</summary>
    public const string DecideAudit = "procurement.decide-audit";

    /// <summary>Sink of <c>erp.commitments</c>.</summary>
    public const string CommitmentSink = "procurement.commitments-sink";

    /// <summary>Sink of <c>p2p.po-held</c> (holds and their tombstones).</summary>
    public const string HoldSink = "procurement.holds-sink";

    /// <summary>Sink of <c>status.purchase-orders</c>.</summary>
    public const string StatusSink = "procurement.status-sink";

    /// <summary>Dead letters of the decide step (journals that cannot be counted, held orders that cannot be read back).</summary>
    public const string DecideDeadLetters = "procurement.decide.dead-letters";
}
