using StreamFinance.Rules.Lookups;

namespace StreamFinance.Rules.Checks;

/// <summary>
/// The reason codes the validation API answers with. They are a contract (clients branch on them): never rename one,
/// add a new one. Where a dead-letter reason exists for the same rule the code is spelled the same.
/// </summary>
public static class ViolationCodes
{
    /// <summary>The legal entity is not in master data on the date (needed for its country and functional currency).</summary>
    public const string UnknownLegalEntity = "UNKNOWN_LEGAL_ENTITY";

    /// <summary>The cost center is not in master data on the date (unknown, not yet created, or deleted).</summary>
    public const string UnknownCostCenter = "UNKNOWN_COST_CENTER";

    /// <summary>The cost center exists but is inactive or blocked on the date, or outside its validity dates.</summary>
    public const string InactiveCostCenter = "INACTIVE_COST_CENTER";

    /// <summary>The cost center belongs to another legal entity than the document's.</summary>
    public const string CostCenterEntityMismatch = "COST_CENTER_ENTITY_MISMATCH";

    /// <summary>The project is not in master data on the date.</summary>
    public const string UnknownProject = "UNKNOWN_PROJECT";

    /// <summary>The project is closed on the date, or the date is outside its start and end dates.</summary>
    public const string ClosedProject = "CLOSED_PROJECT";

    /// <summary>The tax code is not in master data on the date.</summary>
    public const string UnknownTaxCode = "UNKNOWN_TAX_CODE";

    /// <summary>The tax code's jurisdiction is not the legal entity's country, or the code does not apply on the date.</summary>
    public const string InvalidTaxJurisdiction = "INVALID_TAX_JURISDICTION";

    /// <summary>The amount's currency is not the functional (or budget) currency and no rate exists within the fallback policy.</summary>
    public const string FxRateMissing = "FX_RATE_MISSING";

    /// <summary>The supplier is not in master data on the date.</summary>
    public const string UnknownSupplier = "UNKNOWN_SUPPLIER";

    /// <summary>The supplier is blocked or inactive on the date.</summary>
    public const string SupplierBlocked = "SUPPLIER_BLOCKED";

    /// <summary>No open accounting period of the legal entity contains the date, so no period budget can be drawn on.</summary>
    public const string ClosedPeriod = "CLOSED_PERIOD";

    /// <summary>The amount, in the budget's currency, is more than the cost center's budget for the period (or there is no budget).</summary>
    public const string BudgetExceeded = "BUDGET_EXCEEDED";
}
