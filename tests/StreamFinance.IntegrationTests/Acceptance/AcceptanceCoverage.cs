using StreamFinance.Contracts.Outputs;

namespace StreamFinance.IntegrationTests.Acceptance;

/// <summary>
/// Which dead-letter reason codes the acceptance dataset must reach, and why the others are out of its reach. Every code
/// of <see cref="ReasonCode.All"/> is in exactly one list, so a new code fails <see cref="AcceptanceDatasetTests"/> until
/// it is given a record or a reason.
/// </summary>
public static class AcceptanceCoverage
{
    /// <summary>Reasons of the expense rules and card pairing (<c>dlq.expenses</c>).</summary>
    public static readonly string[] ExpenseReasons =
    [
        "UNKNOWN_EMPLOYEE", "UNKNOWN_LEGAL_ENTITY", "UNKNOWN_COST_CENTER", "INACTIVE_COST_CENTER", "COST_CENTER_ENTITY_MISMATCH", "UNKNOWN_PROJECT",
        "CLOSED_PROJECT", "UNKNOWN_TAX_CODE", "INVALID_TAX_JURISDICTION", "UNMAPPED_CATEGORY", "POLICY_LIMIT_EXCEEDED", "MISSING_RECEIPT",
        "FX_RATE_MISSING", "CLOSED_PERIOD", "UNDOCUMENTED_CARD_CHARGE", "CARD_EXPENSE_CONFLICT",
    ];

    /// <summary>Reasons of the connectors for expense-side records (<c>dlq.ingest</c>).</summary>
    public static readonly string[] ConnectorReasons = ["MAPPING_FAILED", "SCHEMA_INVALID", "PARSE_FAILED"];

    /// <summary>Reasons the master-data exports reach (<c>dlq.master-data</c>; a NetSuite employee of an unmapped subsidiary is MAPPING_FAILED above).</summary>
    public static readonly string[] MasterDataReasons = ["INVALID_FX_RATE"];

    /// <summary>Codes no record of the dataset can reach, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> OutOfReach = new Dictionary<string, string>
    {
        ["UNKNOWN_SUPPLIER"] = "procurement (issue 16): the dataset has no purchase orders",
        ["SUPPLIER_BLOCKED"] = "procurement (issue 16)",
        ["BUDGET_EXCEEDED"] = "procurement (issue 16)",
        ["SUPPLIER_RISK_HOLD"] = "procurement (issue 16): the dataset has no purchase orders",
        ["APPROVAL_LIMIT_EXCEEDED"] = "procurement (issue 16): the dataset has no purchase orders",
        ["MISSING_REQUESTER"] = "procurement (issue 16): the dataset has no purchase orders",
        ["MISSING_GL_ACCOUNT"] = "procurement (issue 16): the dataset has no purchase orders",
        ["UNKNOWN_GL_ACCOUNT"] = "procurement (issue 16): the dataset has no purchase orders",
        ["PRICE_VARIANCE"] = "three-way match (issue 17)",
        ["QUANTITY_VARIANCE"] = "three-way match (issue 17)",
        ["DUPLICATE_INVOICE"] = "three-way match (issue 17)",
        ["OWNERSHIP_VIOLATION"] = "a shipped profile always names its type's system of record (Profiles/README.md)",
        ["UNKNOWN_OBJECT_TYPE"] = "a shipped profile writes a constant object type and a key built from it",
        ["MISSING_KEY"] = "a shipped profile builds key, business key and payload id from the same column",
        ["INVALID_EFFECTIVE_DATE"] = "a shipped profile parses the date itself: an impossible one is MAPPING_FAILED",
        ["DESERIALIZATION_FAILED"] = "bytes no connector writes: PoisonPillTests and EmbeddedPoisonPillScenario",
        ["PRODUCTION_FAILED"] = "Kafka refusing a write, not data",
        ["PROCESSING_FAILED"] = "a processor's own fault, not data",
        ["ERP_REJECTED"] = "an ERP's answer (issue 18): the dataset runs no ERP sink; EmbeddedErpSinkScenarios reaches it",
    };

    /// <summary>Every reason the dataset must reach.</summary>
    public static IEnumerable<string> Reachable => ExpenseReasons.Concat(ConnectorReasons).Concat(MasterDataReasons);
}
