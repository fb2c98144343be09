namespace StreamFinance.Topologies.Expenses;

/// <summary>Names of the expense topology's stores and processors: fixed, so changelog and repartition topics never move.</summary>
public static class ExpenseNames
{
    /// <summary>The global table of <c>md.history</c> the expense processors read point in time (RocksDB, no changelog).</summary>
    public const string MasterDataStore = "expense.md-history";

    /// <summary>Processor of the global table.</summary>
    public const string MasterDataTable = "expense.md-history-table";

    /// <summary>Idempotency key of each expense line seen within the horizon, with its first-seen date and outcome (RocksDB, changelogged).</summary>
    public const string DedupeStore = "expense.dedupe-store";

    /// <summary>
    /// Expense lines waiting for master data that has not arrived yet (RocksDB, changelogged): idempotency key -> the
    /// held record (bytes, headers, origin, first-held time, what it waits for). See <c>Holds/</c>.
    /// </summary>
    public const string MasterDataWaitStore = "expense.md-waits";

    /// <summary>Card transactions waiting for the expense line that documents them: transaction id -> the dead letter they become at the horizon.</summary>
    public const string CardHoldStore = "expense.card-holds";

    /// <summary>Card transaction ids already documented by an approved expense line: id -> <c>yyyy-MM-dd|expenseId</c>.</summary>
    public const string CardDocumentedStore = "expense.card-documented";

    /// <summary>Source of <c>ingest.expenses</c>.</summary>
    public const string ExpenseSource = "expense.expenses-source";

    /// <summary>Source of <c>ingest.card-transactions</c>.</summary>
    public const string CardSource = "expense.card-transactions-source";

    /// <summary>Dead-letters tombstones read from <c>ingest.expenses</c>.</summary>
    public const string ExpenseTombstones = "expense.expenses-tombstones";

    /// <summary>Dead-letters tombstones read from <c>ingest.card-transactions</c>.</summary>
    public const string CardTombstones = "expense.card-transactions-tombstones";

    /// <summary>Dead-letters tombstones read from the card-documentation repartition topic.</summary>
    public const string DocumentationTombstones = "expense.card-documentation-tombstones";

    /// <summary>Dedupe, enrichment and validation of one expense line.</summary>
    public const string Decide = "expense.decide";

    /// <summary>Routing of the decision: approved on, failures to <c>dlq.expenses</c>.</summary>
    public const string Route = "expense.validate";

    /// <summary>Sink of <c>expense.approved</c>.</summary>
    public const string ApprovedSink = "expense.approved-sink";

    /// <summary>Approved card-paid lines re-keyed by card transaction id.</summary>
    public const string Documentation = "expense.card-documentation";

    /// <summary>Card transactions turned into pairing events.</summary>
    public const string CardCharges = "expense.card-charges";

    /// <summary>Documentation notices turned into pairing events.</summary>
    public const string CardDocuments = "expense.card-documents";

    /// <summary>Both kinds of pairing events.</summary>
    public const string CardEvents = "expense.card-events";

    /// <summary>The pairing step over <see cref="CardHoldStore"/> and <see cref="CardDocumentedStore"/>.</summary>
    public const string CardPairing = "expense.card-pairing";

    /// <summary>Sink of undocumented card charges to <c>dlq.expenses</c>.</summary>
    public const string CardDeadLetterSink = "expense.card-dead-letters-sink";
}
