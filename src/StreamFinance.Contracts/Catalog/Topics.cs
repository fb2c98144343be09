using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;

namespace StreamFinance.Contracts.Catalog;

/// <summary>
/// The topic catalog: every topic StreamFinance reads or writes, declared once. Producers, topologies, tools and
/// tests refer to these fields, never to a topic name typed as a string. Who writes and reads each topic is not
/// declared here but derived from the components that use it (<see cref="TopicUsage"/>); only audiences outside
/// StreamFinance and the plans for topics nothing writes or reads yet are declared.
/// </summary>
public static class Topics
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);
    private static readonly TimeSpan DeadLetterRetention = TimeSpan.FromDays(90);

    /// <summary>How long <c>audit.events</c> keeps its records unless <c>Audit:RetentionDays</c> says otherwise: seven years of 365.25 days (2,557 days).</summary>
    public static readonly TimeSpan AuditRetention = TimeSpan.FromDays(2557);

    private const int MasterDataPartitions = 3;
    private const int StreamPartitions = 6;
    private const int DeadLetterPartitions = 3;

    // ---- master data -------------------------------------------------------------------------------------------

    /// <summary>Raw master-data updates from every source, tagged with source system and object type.</summary>
    public static readonly Topic<string, MasterDataUpdate> MasterDataUpdates = new()
    {
        Name = "md.updates", Partitions = StreamPartitions, Cleanup = CleanupPolicy.Delete, Retention = Week,
        KeyDescription = "object type + ':' + business key", Description = "Master-data updates from ERP, MDM, procurement and HR sources.",
    };

    /// <summary>Canonical cost centers.</summary>
    public static readonly Topic<string, CostCenter> CostCenters = MasterData<CostCenter>("md.cost-centers", "cost center id", "Cost centers with status and effective dates.");

    /// <summary>Canonical golden supplier records.</summary>
    public static readonly Topic<string, Supplier> Suppliers = MasterData<Supplier>("md.suppliers", "golden supplier id", "Golden supplier records with cross-references to every source id.");

    /// <summary>Canonical projects.</summary>
    public static readonly Topic<string, Project> Projects = MasterData<Project>("md.projects", "project id", "Projects, open or closed.");

    /// <summary>Canonical GL accounts.</summary>
    public static readonly Topic<string, GlAccount> GlAccounts = MasterData<GlAccount>("md.gl-accounts", "GL account number", "General-ledger accounts of the chart of accounts.");

    /// <summary>Canonical tax codes.</summary>
    public static readonly Topic<string, TaxCode> TaxCodes = MasterData<TaxCode>("md.tax-codes", "tax code", "Tax codes with jurisdiction, rate and effective dates.");

    /// <summary>Canonical legal entities.</summary>
    public static readonly Topic<string, LegalEntity> LegalEntities = MasterData<LegalEntity>("md.legal-entities", "legal entity id", "Legal entities with functional currency and intercompany partners.");

    /// <summary>Canonical employees.</summary>
    public static readonly Topic<string, Employee> Employees = MasterData<Employee>("md.employees", "employee id", "Employees with legal entity, default cost center and approver.");

    /// <summary>Canonical FX rates, one record per pair and rate date.</summary>
    public static readonly Topic<string, ExchangeRate> FxRates = MasterData<ExchangeRate>("md.fx-rates", "from/to/rate date, e.g. EUR/USD/2026-03-31", "Exchange rates per currency pair and rate date.");

    /// <summary>Canonical accounting periods.</summary>
    public static readonly Topic<string, AccountingPeriod> AccountingPeriods = MasterData<AccountingPeriod>("md.accounting-periods", "entity/fiscal year/period", "Accounting periods per legal entity, open or closed.");

    /// <summary>Canonical budgets.</summary>
    public static readonly Topic<string, Budget> Budgets = MasterData<Budget>("md.budgets", "cost center/project/period", "Budgets per cost center or project and period.");

    /// <summary>Canonical expense categories (the expense policy's reference table).</summary>
    public static readonly Topic<string, ExpenseCategory> ExpenseCategories = MasterData<ExpenseCategory>("md.expense-categories", "category code", "Expense categories with GL account and limits per currency.");

    /// <summary>Canonical item categories: per legal entity, the GL account of a category code purchase order lines carry.</summary>
    public static readonly Topic<string, ItemCategory> ItemCategories = MasterData<ItemCategory>("md.item-categories", "legal entity/category code", "Item categories per legal entity with the GL account their purchase order lines book to.");

    /// <summary>Every effective-dated version of every master-data object, for point-in-time look-ups.</summary>
    public static readonly Topic<string, MasterDataHistory> MasterDataHistory = new()
    {
        Name = "md.history", Partitions = MasterDataPartitions, Cleanup = CleanupPolicy.Compact, Retention = null,
        KeyDescription = "object type + ':' + business key", Description = "All effective-dated versions per master-data object: what was in force on any date.",
        Audiences = "data teams",
    };

    /// <summary>Candidate duplicate suppliers for stewards.</summary>
    public static readonly Topic<string, SupplierDuplicateCandidate> SupplierDuplicates = new()
    {
        Name = "md.supplier-duplicates", Partitions = MasterDataPartitions, Cleanup = CleanupPolicy.Compact, Retention = null,
        KeyDescription = "pair id (sorted source references)", Description = "Supplier records that may be the same supplier, with score and evidence.",
        Audiences = "master-data stewards, data teams",
    };

    // ---- ingest ------------------------------------------------------------------------------------------------

    /// <summary>Expense lines from the spend platforms.</summary>
    public static readonly Topic<string, ExpenseLine> Expenses = Ingest<ExpenseLine>("ingest.expenses", "expense id", "Expense lines from Concur, Expensify and others, canonical.");

    /// <summary>Corporate card transactions.</summary>
    public static readonly Topic<string, CardTransaction> CardTransactions = Ingest<CardTransaction>("ingest.card-transactions", "card transaction id", "Card transactions from Ramp, Brex and card feeds, canonical.");

    /// <summary>Approved purchase orders from procurement.</summary>
    public static readonly Topic<string, PurchaseOrder> PurchaseOrders = Ingest<PurchaseOrder>("ingest.purchase-orders", "PO number", "Purchase orders from Coupa, Ariba and EDI 850, canonical.");

    /// <summary>Goods receipts.</summary>
    public static readonly Topic<string, GoodsReceipt> GoodsReceipts = Ingest<GoodsReceipt>("ingest.goods-receipts", "receipt id", "Goods receipts against purchase orders, canonical.", "three-way match topology (issue 17)");

    /// <summary>Supplier invoices.</summary>
    public static readonly Topic<string, SupplierInvoice> SupplierInvoices = Ingest<SupplierInvoice>("ingest.supplier-invoices", "supplier id + invoice number", "Supplier invoices from procurement and EDI 810, canonical.", "three-way match topology (issue 17)");

    /// <summary>Supplier onboarding requests.</summary>
    public static readonly Topic<string, SupplierOnboardingRequest> SupplierOnboarding = Ingest<SupplierOnboardingRequest>("ingest.supplier-onboarding", "onboarding request id", "Requests to onboard a new supplier, canonical.", "onboarding topology (issue 19)");

    // ---- flows and ERP ---------------------------------------------------------------------------------------------

    /// <summary>Validated and enriched expenses awaiting their posting window.</summary>
    public static readonly Topic<string, ApprovedExpense> ApprovedExpenses = new()
    {
        Name = "expense.approved", Partitions = StreamPartitions, Cleanup = CleanupPolicy.Delete, Retention = Week,
        KeyDescription = "expense id", Description = "Expenses that passed validation, enriched with entity, coding and functional amount.",
    };

    /// <summary>Balanced journals for the ERP.</summary>
    public static readonly Topic<string, JournalEntry> JournalPostings = Erp<JournalEntry>("erp.journal-postings", "reconciliation id", "Balanced journals per legal entity, currency and posting window, with control totals.");

    /// <summary>PO commitments for the ERP.</summary>
    public static readonly Topic<string, Commitment> Commitments = Erp<Commitment>("erp.commitments", "commitment id (PO number + revision, e.g. 4500012/R0)", "Budget-checked purchase-order commitments.");

    /// <summary>Matched supplier invoices for AP posting.</summary>
    public static readonly Topic<string, ApInvoicePosting> ApInvoices = Erp<ApInvoicePosting>("erp.ap-invoices", "AP posting id (from supplier and invoice number)", "Supplier invoices that passed three-way match, ready for AP.", "three-way match topology (issue 17)");

    /// <summary>Vendor creation requests for the ERP.</summary>
    public static readonly Topic<string, VendorRequest> VendorRequests = Erp<VendorRequest>("erp.vendor-requests", "vendor request id", "Requests to create or change a vendor in the ERP, from supplier onboarding.", "onboarding topology (issue 19)");

    /// <summary>ERP feedback on postings.</summary>
    public static readonly Topic<string, PostingConfirmation> PostingConfirmations = new()
    {
        Name = "erp.posting-confirmations", Partitions = StreamPartitions, Cleanup = CleanupPolicy.Delete, Retention = Month,
        KeyDescription = "posting id", Description = "ERP confirmations and rejections of postings, with document numbers.",
        Audiences = "ERP integration teams",
    };

    /// <summary>Latest status per expense.</summary>
    public static readonly Topic<string, StatusUpdate> ExpenseStatus = Status<StatusUpdate>("status.expenses", "expense id", "Where each expense is: approved, posted with document number, or dead-lettered.", "status topology (issue 18)", "finance operations");

    /// <summary>Latest status per purchase order.</summary>
    public static readonly Topic<string, StatusUpdate> PurchaseOrderStatus = Status<StatusUpdate>("status.purchase-orders", "PO number", "Where each purchase order is: received, held, committed, cancelled or closed.", null, "procurement operations");

    /// <summary>Three-way-match exceptions for procurement operations.</summary>
    public static readonly Topic<string, MatchResult> MatchExceptions = Status<MatchResult>("p2p.match-exceptions", "supplier id + invoice number", "Invoices that failed three-way match, with the variances found.", "three-way match topology (issue 17)", "procurement operations, accounts payable");

    /// <summary>Purchase orders on hold.</summary>
    public static readonly Topic<string, PurchaseOrderHold> PurchaseOrdersHeld = Status<PurchaseOrderHold>("p2p.po-held", "PO number", "Purchase orders held for budget, supplier, approval or master-data reasons; a release writes the key's tombstone.", null, "procurement operations");

    // ---- exceptions and audit --------------------------------------------------------------------------------------

    /// <summary>Records that could not be parsed or mapped at ingest.</summary>
    public static readonly Topic<string, DeadLetter> IngestDeadLetters = DeadLetters("dlq.ingest", "Records connectors could not parse, map or validate against the schema. Owner: integration support.", "integration support");

    /// <summary>Rejected master-data updates.</summary>
    public static readonly Topic<string, DeadLetter> MasterDataDeadLetters = DeadLetters("dlq.master-data", "Master-data updates rejected (ownership violations, invalid values).", "master-data stewards, integration support");

    /// <summary>Expenses that failed validation or enrichment.</summary>
    public static readonly Topic<string, DeadLetter> ExpenseDeadLetters = DeadLetters("dlq.expenses", "Expenses that failed enrichment or policy validation. Owner: finance operations.", "finance operations, integration support");

    /// <summary>Procurement records that failed checks.</summary>
    public static readonly Topic<string, DeadLetter> ProcurementDeadLetters = DeadLetters("dlq.procurement", "Purchase orders, receipts and invoices that failed checks. Owner: procurement operations.", "procurement operations, integration support");

    /// <summary>Postings the ERP rejected, and records the ERP sinks could not read or map.</summary>
    public static readonly Topic<string, DeadLetter> ErpDeadLetters = DeadLetters("dlq.erp", "Postings the ERP rejected, with the ERP's messages and the payload sent, and erp.* records a sink could not read or map. Owner: integration support.", "integration support");

    /// <summary>
    /// Audit events as their emitters write them, unchained, each in the same transaction or flush as the output it
    /// records; the audit chainer reads them in order per correlation id and appends them, chained, to
    /// <see cref="AuditEvents"/>. Same key and partition count as <see cref="AuditEvents"/>: partition p of one is
    /// chained into partition p of the other.
    /// </summary>
    public static readonly Topic<string, AuditEvent> AuditEmitted = new()
    {
        Name = "audit.emitted", Partitions = StreamPartitions, Cleanup = CleanupPolicy.Delete, Retention = Week,
        KeyDescription = "correlation id", Description = "Audit events as emitted by every connector, topology and command, before the audit chainer chains them.",
    };

    /// <summary>Append-only audit trail of every decision, hash-chained per correlation id, with a daily chain head per partition.</summary>
    public static readonly Topic<string, AuditEvent> AuditEvents = new()
    {
        Name = "audit.events", Partitions = StreamPartitions, Cleanup = CleanupPolicy.Delete, Retention = AuditRetention,
        KeyDescription = "correlation id", Description = "Append-only trail of every decision each transaction went through, hash-chained per correlation id, with a daily chain head per partition.",
        Audiences = "auditors",
    };

    // ---- connector state -----------------------------------------------------------------------------------------

    /// <summary>Committed source positions of every connector (file and line, API cursor, webhook event id), compacted to the latest per source.</summary>
    public static readonly Topic<string, ConnectorOffset> ConnectorOffsets = new()
    {
        Name = "_streamfinance.connector-offsets", Partitions = 1, Cleanup = CleanupPolicy.Compact, Retention = null,
        KeyDescription = "connector name + '/' + source (file name, endpoint)", Description = "Where each connector resumes after a restart: the last position whose records were all acknowledged.",
    };

    /// <summary>Every catalog topic, in catalog order.</summary>
    public static IReadOnlyList<TopicSpec> All { get; } =
    [
        MasterDataUpdates, CostCenters, Suppliers, Projects, GlAccounts, TaxCodes, LegalEntities, Employees, FxRates, AccountingPeriods, Budgets, ExpenseCategories, ItemCategories,
        MasterDataHistory, SupplierDuplicates,
        Expenses, CardTransactions, PurchaseOrders, GoodsReceipts, SupplierInvoices, SupplierOnboarding,
        ApprovedExpenses, JournalPostings, Commitments, ApInvoices, VendorRequests, PostingConfirmations,
        ExpenseStatus, PurchaseOrderStatus, MatchExceptions, PurchaseOrdersHeld,
        IngestDeadLetters, MasterDataDeadLetters, ExpenseDeadLetters, ProcurementDeadLetters, ErpDeadLetters,
        AuditEmitted, AuditEvents, ConnectorOffsets,
    ];

    /// <summary>Looks a topic up by name; throws naming the topic when it is not in the catalog.</summary>
    public static TopicSpec ByName(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"Topic '{name}' is not in the catalog. Known topics: {string.Join(", ", All.Select(t => t.Name))}.");

    private static Topic<string, T> MasterData<T>(string name, string key, string description) => new()
    {
        Name = name, Partitions = MasterDataPartitions, Cleanup = CleanupPolicy.Compact, Retention = null,
        KeyDescription = key, Description = description, Audiences = "data teams",
    };

    private static Topic<string, T> Ingest<T>(string name, string key, string description, string? plannedReaders = null) => new()
    {
        Name = name, Partitions = StreamPartitions, Cleanup = CleanupPolicy.Delete, Retention = Week,
        KeyDescription = key, Description = description, PlannedReaders = plannedReaders,
    };

    private static Topic<string, T> Erp<T>(string name, string key, string description, string? plannedWriters = null) => new()
    {
        Name = name, Partitions = StreamPartitions, Cleanup = CleanupPolicy.Delete, Retention = Month,
        KeyDescription = key, Description = description, Audiences = "ERP integration teams", PlannedWriters = plannedWriters,
    };

    private static Topic<string, T> Status<T>(string name, string key, string description, string? plannedWriters, string audiences) => new()
    {
        Name = name, Partitions = StreamPartitions, Cleanup = CleanupPolicy.Compact, Retention = null,
        KeyDescription = key, Description = description, Audiences = audiences, PlannedWriters = plannedWriters,
    };

    private static Topic<string, DeadLetter> DeadLetters(string name, string description, string audiences) => new()
    {
        Name = name, Partitions = DeadLetterPartitions, Cleanup = CleanupPolicy.Delete, Retention = DeadLetterRetention,
        KeyDescription = "original record key", Description = description, Audiences = audiences,
    };
}
