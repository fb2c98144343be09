using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Contracts.Outputs;

/// <summary>
/// A stable reason why a record was dead-lettered, with the team that must act on it. Codes are part of the
/// dead-letter contract (dashboards, alert rules and replay tooling select on them): never rename one; add a new one.
/// Business codes belong to finance or procurement operations, technical codes to integration support. One instance
/// exists per code, so instances compare by reference.
/// </summary>
public sealed class ReasonCode
{
    private ReasonCode(string code, OwnerRole owner, string remedy)
    {
        Code = code;
        Owner = owner;
        Remedy = remedy;
    }

    /// <summary>The code as written to <c>DeadLetter.reasonCode</c>, for example <c>UNKNOWN_COST_CENTER</c>.</summary>
    public string Code { get; }

    /// <summary>The team that must act by default.</summary>
    public OwnerRole Owner { get; }

    /// <summary>True for technical failures (owned by integration support), false for business-rule rejections.</summary>
    public bool IsTechnical => Owner == OwnerRole.INTEGRATION_SUPPORT;

    /// <summary>What the owner usually does about it, one sentence, for messages and runbooks.</summary>
    public string Remedy { get; }

    // ---- business: finance operations ------------------------------------------------------------------------------

    /// <summary>The cost center is not in master data.</summary>
    public static readonly ReasonCode UnknownCostCenter = Business("UNKNOWN_COST_CENTER", OwnerRole.FINANCE_OPS, "Recode the document to an existing cost center or create it in the ERP, then replay.");

    /// <summary>The cost center exists but was not active on the transaction date.</summary>
    public static readonly ReasonCode InactiveCostCenter = Business("INACTIVE_COST_CENTER", OwnerRole.FINANCE_OPS, "Recode the document to an active cost center or reactivate it for that date, then replay.");

    /// <summary>The accounting period of the posting date is closed.</summary>
    public static readonly ReasonCode ClosedPeriod = Business("CLOSED_PERIOD", OwnerRole.FINANCE_OPS, "Reopen the period or move the posting date into an open period, then replay.");

    /// <summary>The tax code does not apply in the document's jurisdiction or on its date.</summary>
    public static readonly ReasonCode InvalidTaxJurisdiction = Business("INVALID_TAX_JURISDICTION", OwnerRole.FINANCE_OPS, "Correct the tax code for the jurisdiction, then replay.");

    /// <summary>An expense that needs a receipt has none.</summary>
    public static readonly ReasonCode MissingReceipt = Business("MISSING_RECEIPT", OwnerRole.FINANCE_OPS, "Ask the employee for the receipt, attach it in the source system, then replay.");

    /// <summary>An expense exceeds its policy limit.</summary>
    public static readonly ReasonCode PolicyLimitExceeded = Business("POLICY_LIMIT_EXCEEDED", OwnerRole.FINANCE_OPS, "Get an approved policy exception or reduce the amount in the source system, then replay.");

    /// <summary>No exchange rate exists for the currency pair on the transaction date.</summary>
    public static readonly ReasonCode FxRateMissing = Business("FX_RATE_MISSING", OwnerRole.FINANCE_OPS, "Load the exchange rate for that date into master data, then replay.");

    /// <summary>The employee is not in master data on the transaction date.</summary>
    public static readonly ReasonCode UnknownEmployee = Business("UNKNOWN_EMPLOYEE", OwnerRole.FINANCE_OPS, "Create the employee in the HR system (or correct the employee id in the source), then replay.");

    /// <summary>The legal entity to charge is not in master data on the transaction date.</summary>
    public static readonly ReasonCode UnknownLegalEntity = Business("UNKNOWN_LEGAL_ENTITY", OwnerRole.FINANCE_OPS, "Correct the charged entity in the source or create the legal entity in the ERP, then replay.");

    /// <summary>The cost center belongs to another legal entity than the one charged.</summary>
    public static readonly ReasonCode CostCenterEntityMismatch = Business("COST_CENTER_ENTITY_MISMATCH", OwnerRole.FINANCE_OPS, "Recode the document to a cost center of the charged entity (or charge the cost center's entity), then replay.");

    /// <summary>The project is not in master data on the transaction date.</summary>
    public static readonly ReasonCode UnknownProject = Business("UNKNOWN_PROJECT", OwnerRole.FINANCE_OPS, "Recode the document to an existing project or create it in the ERP, then replay.");

    /// <summary>The project was closed (or not yet started) on the transaction date.</summary>
    public static readonly ReasonCode ClosedProject = Business("CLOSED_PROJECT", OwnerRole.FINANCE_OPS, "Recode the document to an open project or reopen the project for that date, then replay.");

    /// <summary>The tax code is not in master data on the transaction date.</summary>
    public static readonly ReasonCode UnknownTaxCode = Business("UNKNOWN_TAX_CODE", OwnerRole.FINANCE_OPS, "Correct the tax code in the source or create it in the ERP, then replay.");

    /// <summary>The expense category has no GL account in the expense policy and the line names none.</summary>
    public static readonly ReasonCode UnmappedCategory = Business("UNMAPPED_CATEGORY", OwnerRole.FINANCE_OPS, "Add the category to Expenses:CategoryGlAccounts (or code a GL account on the line), then replay.");

    /// <summary>A corporate card charge was not documented by an expense line within the documentation horizon.</summary>
    public static readonly ReasonCode UndocumentedCardCharge = Business("UNDOCUMENTED_CARD_CHARGE", OwnerRole.FINANCE_OPS, "Ask the cardholder to file the expense line for the charge (with its cardTransactionId), then replay the charge.");

    /// <summary>
    /// A card purchase posted from one side (the coded card transaction, or the expense-report line) and the other side,
    /// arriving later, says a different amount or coding (or names another card provider); the later side is not posted.
    /// </summary>
    public static readonly ReasonCode CardExpenseConflict = Business("CARD_EXPENSE_CONFLICT", OwnerRole.FINANCE_OPS, "Decide which values are right: correct the posted journal in the ERP (reversal and repost) or the coding in the source system; nothing is posted twice, so a replay only repeats this check.");

    // ---- business: procurement operations --------------------------------------------------------------------------

    /// <summary>The supplier is not in master data.</summary>
    public static readonly ReasonCode UnknownSupplier = Business("UNKNOWN_SUPPLIER", OwnerRole.PROCUREMENT_OPS, "Onboard the supplier or correct the supplier id, then replay.");

    /// <summary>The supplier is blocked (risk, compliance or status).</summary>
    public static readonly ReasonCode SupplierBlocked = Business("SUPPLIER_BLOCKED", OwnerRole.PROCUREMENT_OPS, "Resolve the block with risk/compliance or choose another supplier, then replay.");

    /// <summary>The commitment would exceed the remaining budget.</summary>
    public static readonly ReasonCode BudgetExceeded = Business("BUDGET_EXCEEDED", OwnerRole.PROCUREMENT_OPS, "Get a budget increase or reduce the order, then replay.");

    /// <summary>The supplier's risk or compliance screening forbids new orders for now (high risk, non-compliant).</summary>
    public static readonly ReasonCode SupplierRiskHold = Business("SUPPLIER_RISK_HOLD", OwnerRole.PROCUREMENT_OPS, "Have risk/compliance clear the supplier (the order is released when its rating changes) or choose another supplier.");

    /// <summary>The order total exceeds the approval limit of the employee who approves it.</summary>
    public static readonly ReasonCode ApprovalLimitExceeded = Business("APPROVAL_LIMIT_EXCEEDED", OwnerRole.PROCUREMENT_OPS, "Route the order to an approver whose limit covers it (update the approval hierarchy or the limit in HR), or split the order.");

    /// <summary>The order names no requester (X12 850 carries none) and none could be resolved.</summary>
    public static readonly ReasonCode MissingRequester = Business("MISSING_REQUESTER", OwnerRole.PROCUREMENT_OPS, "Send the order again with the requester's employee id (or e-mail), or map the buyer in the EDI profile.");

    /// <summary>An order line names no GL account (X12 850 carries none).</summary>
    public static readonly ReasonCode MissingGlAccount = Business("MISSING_GL_ACCOUNT", OwnerRole.PROCUREMENT_OPS, "Send the order again with a GL account on every line.");

    /// <summary>An order line's GL account is not in master data, or is blocked.</summary>
    public static readonly ReasonCode UnknownGlAccount = Business("UNKNOWN_GL_ACCOUNT", OwnerRole.PROCUREMENT_OPS, "Recode the line to an active GL account, or create or unblock it in the ERP.");

    /// <summary>Invoice price differs from the order price beyond tolerance.</summary>
    public static readonly ReasonCode PriceVariance = Business("PRICE_VARIANCE", OwnerRole.PROCUREMENT_OPS, "Confirm the price with the supplier and correct the invoice or the order, then replay.");

    /// <summary>Invoiced quantity differs from the received quantity beyond tolerance.</summary>
    public static readonly ReasonCode QuantityVariance = Business("QUANTITY_VARIANCE", OwnerRole.PROCUREMENT_OPS, "Record the missing goods receipt or get a credit note, then replay.");

    /// <summary>The invoice was already received.</summary>
    public static readonly ReasonCode DuplicateInvoice = Business("DUPLICATE_INVOICE", OwnerRole.PROCUREMENT_OPS, "Confirm it is a duplicate and discard it, or correct the invoice number and replay.");

    // ---- technical: integration support ----------------------------------------------------------------------------

    /// <summary>A master-data update came from a system that is not the system of record for that object type.</summary>
    public static readonly ReasonCode OwnershipViolation = Technical("OWNERSHIP_VIOLATION", "Stop the non-owning source from sending this object type, or change the system-of-record table if ownership moved.");

    /// <summary>A master-data update names an object type that is not known, or two different ones (record key and update).</summary>
    public static readonly ReasonCode UnknownObjectType = Technical("UNKNOWN_OBJECT_TYPE", "Fix the source system's mapping so the record key and the update name the same known object type, then replay.");

    /// <summary>A master-data update has no business key, or its record key, update and payload disagree about it.</summary>
    public static readonly ReasonCode MissingKey = Technical("MISSING_KEY", "Make the source send the object's business key in the record key, the update and the payload, then replay.");

    /// <summary>A master-data update's effective date is not a plausible calendar date.</summary>
    public static readonly ReasonCode InvalidEffectiveDate = Technical("INVALID_EFFECTIVE_DATE", "Correct the effective date in the source system, then replay.");

    /// <summary>An exchange rate is zero or negative.</summary>
    public static readonly ReasonCode InvalidFxRate = Technical("INVALID_FX_RATE", "Correct the rate in the rate source (treasury), then replay.");

    /// <summary>A connector's mapping profile could not map the source record.</summary>
    public static readonly ReasonCode MappingFailed = Technical("MAPPING_FAILED", "Fix the mapping profile (or the source record), then replay.");

    /// <summary>A connector's source format could not read the record at all (malformed CSV row, invalid JSON, broken X12 segment).</summary>
    public static readonly ReasonCode ParseFailed = Technical("PARSE_FAILED", "Ask the source system to resend the file or record in valid form (the dead letter names the file and line), then replay.");

    /// <summary>The mapped record does not satisfy the canonical schema.</summary>
    public static readonly ReasonCode SchemaInvalid = Technical("SCHEMA_INVALID", "Fix the mapping or the source data so the record satisfies the canonical schema, then replay.");

    /// <summary>The record's bytes could not be deserialized (not Confluent Avro, unknown schema id, incompatible schema).</summary>
    public static readonly ReasonCode DeserializationFailed = Technical("DESERIALIZATION_FAILED", "Find the producer that wrote these bytes and fix its serializer or schema, then replay.");

    /// <summary>An output record could not be written to Kafka (too large, serialization, topic errors).</summary>
    public static readonly ReasonCode ProductionFailed = Technical("PRODUCTION_FAILED", "Fix the cause named in the exception (for example raise the topic's max.message.bytes), then replay.");

    /// <summary>A processing step threw an unexpected exception.</summary>
    public static readonly ReasonCode ProcessingFailed = Technical("PROCESSING_FAILED", "Investigate the exception in the processor named in the dead letter; replay after the fix is deployed.");

    /// <summary>The ERP answered a posting with a rejection (a 4xx other than 401, 403, 408 and 429); the dead letter carries the ERP's messages and the payload sent.</summary>
    public static readonly ReasonCode ErpRejected = Technical("ERP_REJECTED", "Read the ERP's message in the dead letter; fix the master data in the ERP or the outbound profile, then replay: the posting id keeps the ERP from posting it twice.");

    /// <summary>Every reason code, business codes first.</summary>
    public static IReadOnlyList<ReasonCode> All { get; } =
    [
        UnknownCostCenter, InactiveCostCenter, ClosedPeriod, InvalidTaxJurisdiction, MissingReceipt, PolicyLimitExceeded, FxRateMissing,
        UnknownEmployee, UnknownLegalEntity, CostCenterEntityMismatch, UnknownProject, ClosedProject, UnknownTaxCode, UnmappedCategory, UndocumentedCardCharge, CardExpenseConflict,
        UnknownSupplier, SupplierBlocked, BudgetExceeded, SupplierRiskHold, ApprovalLimitExceeded, MissingRequester, MissingGlAccount, UnknownGlAccount, PriceVariance, QuantityVariance, DuplicateInvoice,
        OwnershipViolation, UnknownObjectType, MissingKey, InvalidEffectiveDate, InvalidFxRate, MappingFailed, ParseFailed, SchemaInvalid, DeserializationFailed, ProductionFailed, ProcessingFailed, ErpRejected,
    ];

    /// <summary>The reason code written as <paramref name="code"/>, for tools reading dead letters back.</summary>
    /// <exception cref="KeyNotFoundException">No such code; the message lists the known ones.</exception>
    public static ReasonCode Parse(string code) =>
        All.FirstOrDefault(r => r.Code == code)
        ?? throw new KeyNotFoundException($"'{code}' is not a StreamFinance dead-letter reason code. Known codes: {string.Join(", ", All.Select(r => r.Code))}.");

    /// <inheritdoc />
    public override string ToString() => Code;

    private static ReasonCode Business(string code, OwnerRole owner, string remedy) => new(code, owner, remedy);

    private static ReasonCode Technical(string code, string remedy) => new(code, OwnerRole.INTEGRATION_SUPPORT, remedy);
}
