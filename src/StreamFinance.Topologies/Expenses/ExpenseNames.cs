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

    /// <summary>Coded card transactions waiting for the report line that names them: transaction id -> the approved card transaction (approved at <c>envelope.eventTime</c>).</summary>
    public const string CardSpendWaitStore = "expense.card-spend-waits";

    /// <summary>The side of each card purchase that posted, remembered for the dedupe horizon: transaction id -> the approved expense that posted.</summary>
    public const string CardPurchaseStore = "expense.card-posted";

    /// <summary>Source of <c>ingest.expenses</c>.</summary>
    public const string ExpenseSource = "expense.expenses-source";

    /// <summary>Source of <c>ingest.card-transactions</c>.</summary>
    public const string CardSource = "expense.card-transactions-source";

    /// <summary>Dead-letters tombstones read from <c>ingest.expenses</c>.</summary>
    public const string ExpenseTombstones = "expense.expenses-tombstones";

    /// <summary>Dead-letters tombstones read from <c>ingest.card-transactions</c>.</summary>
    public const string CardTombstones = "expense.card-transactions-tombstones";

    /// <summary>Dead-letters tombstones read from the card-purchase repartition topic.</summary>
    public const string PurchaseTombstones = "expense.card-purchases-tombstones";

    /// <summary>Dead-letters tombstones read from the coded-card-line repartition topic.</summary>
    public const string CardSpendLineTombstones = "expense.card-spend-lines-tombstones";

    /// <summary>Splits card transactions: fully coded ones (made expense lines) and the rest (held as charges).</summary>
    public const string CardCoding = "expense.card-coding";

    /// <summary>Coded card transactions made expense lines, repartitioned into the decide step (their own topic, so a dead letter's bytes and origin match).</summary>
    public const string CardSpendLines = "expense.card-spend-lines";

    /// <summary>Expense lines from <c>ingest.expenses</c> and from coded card transactions, into the decide step.</summary>
    public const string Lines = "expense.lines";

    /// <summary>Dedupe, enrichment and validation of one expense line.</summary>
    public const string Decide = "expense.decide";

    /// <summary>Routing of the decision: approved on, failures to <c>dlq.expenses</c>.</summary>
    public const string Route = "expense.validate";

    /// <summary>Sink of <c>expense.approved</c>.</summary>
    public const string ApprovedSink = "expense.approved-sink";

    /// <summary>Splits approved expenses: those naming a card purchase go to the card-purchase step, the rest post.</summary>
    public const string CardPaid = "expense.card-paid";

    /// <summary>Approved expenses naming a card purchase (report lines and coded card transactions), re-keyed by card transaction id.</summary>
    public const string CardPurchases = "expense.card-purchases";

    /// <summary>Uncoded card transactions turned into purchase events.</summary>
    public const string CardCharges = "expense.card-charges";

    /// <summary>Approved expenses turned into purchase events.</summary>
    public const string CardApprovals = "expense.card-approvals";

    /// <summary>Both kinds of purchase events.</summary>
    public const string CardEvents = "expense.card-events";

    /// <summary>The card-purchase step over <see cref="CardHoldStore"/>, <see cref="CardSpendWaitStore"/> and <see cref="CardPurchaseStore"/>.</summary>
    public const string CardPairing = "expense.card-pairing";

    /// <summary>Splits the card-purchase step's outcomes: postings and dead letters.</summary>
    public const string CardOutcomes = "expense.card-outcomes";

    /// <summary>Sink of the posting side of card purchases to <c>expense.approved</c>.</summary>
    public const string CardApprovedSink = "expense.card-approved-sink";

    /// <summary>Sink of undocumented card charges and card-expense conflicts to <c>dlq.expenses</c>.</summary>
    public const string CardDeadLetterSink = "expense.card-dead-letters-sink";
}
