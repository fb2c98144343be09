namespace StreamFinance.Topologies.Posting;

/// <summary>
/// The explicit names of the posting topology's processors, stores and repartition topic. Store and repartition names
/// are part of internal topic names (<c>{applicationId}-{name}-changelog</c>, <c>{applicationId}-{name}-repartition</c>):
/// never rename one, or the open windows and the posted ids behind it are orphaned.
/// </summary>
public static class PostingNames
{
    /// <summary>The topology's name, part of its application id.</summary>
    public const string Topology = "posting";

    /// <summary>Source processor of <c>expense.approved</c>.</summary>
    public const string Source = "posting.approved-source";

    /// <summary>Dead-letters tombstones read from <c>expense.approved</c> (with its dead-letter processors suffixed to it).</summary>
    public const string Tombstones = "posting.approved-tombstones";

    /// <summary>Refuses unpostable expenses (with its dead-letter routing processors suffixed to it).</summary>
    public const string Check = "posting.check";

    /// <summary>Re-keys each expense to <c>{entity}|{currency}</c> of every journal it contributes to (two when intercompany).</summary>
    public const string ByEntity = "posting.by-entity";

    /// <summary>Dead-letters tombstones read from the <see cref="ByEntity"/> repartition topic.</summary>
    public const string ByEntityTombstones = "posting.by-entity-tombstones";

    /// <summary>The stateful window processor: assigns, deduplicates, closes windows and builds journals.</summary>
    public const string Windows = "posting.windows";

    /// <summary>Records each journal, each expense posted in it and each re-delivery ignored in the audit trail.</summary>
    public const string Audit = "posting.audit";

    /// <summary>Lets only journals on to <c>erp.journal-postings</c>.</summary>
    public const string Journals = "posting.journals";

    /// <summary>
    /// RocksDB store of expenses in open windows: key <c>{windowStart:yyyyMMddTHHmmssZ}|{entity}|{currency}|{expenseId}</c>,
    /// value the <c>ApprovedExpense</c>. Ordered by window start, so due windows are one prefix of the store, closed in
    /// (window, entity, currency) order.
    /// </summary>
    public const string OpenExpensesStore = "posting.open-expenses";

    /// <summary>
    /// RocksDB store of every expense id taken by an entity's journal: key <c>{entity}|{currency}|{expenseId}</c>, value
    /// <c>open {windowStart}</c> or <c>posted {reconciliationId}</c>. A redelivery finds its id here and changes nothing.
    /// </summary>
    public const string ExpenseIdsStore = "posting.expense-ids";

    /// <summary>
    /// RocksDB store that ages posted ids out: key <c>{windowEnd:yyyyMMddTHHmmssZ}|{entity}|{currency}|{expenseId}</c>,
    /// value the reconciliation id. Entries older than <c>PostedIdRetention</c> are removed with their id.
    /// </summary>
    public const string PostedExpiryStore = "posting.posted-expiry";

    /// <summary>RocksDB store of the task's posting clock: key <c>approval-high-water</c>, value Unix milliseconds.</summary>
    public const string ClockStore = "posting.clock";

    /// <summary>Maps a journal to the JournalEntry record (Avro) before the sink.</summary>
    public const string JournalSink = "posting.journal-sink";
}
