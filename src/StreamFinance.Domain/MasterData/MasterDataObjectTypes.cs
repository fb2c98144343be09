namespace StreamFinance.Domain.MasterData;

/// <summary>
/// The master-data object type names, spelled as the symbols of the Avro enum <c>MasterDataObjectType</c>
/// (<c>COST_CENTER</c>, <c>SUPPLIER</c>, ...), so the topology can pass <c>objectType.ToString()</c> and the
/// domain stays free of generated code. Names are compared case-insensitively; <see cref="Canonical"/> gives
/// the upper-case spelling.
/// </summary>
public static class MasterDataObjectTypes
{
    /// <summary>Cost center (status, effective dates, owner).</summary>
    public const string CostCenter = "COST_CENTER";

    /// <summary>Supplier golden record (tax id, bank fingerprint, status, contacts).</summary>
    public const string Supplier = "SUPPLIER";

    /// <summary>Project (open or closed).</summary>
    public const string Project = "PROJECT";

    /// <summary>General-ledger account.</summary>
    public const string GlAccount = "GL_ACCOUNT";

    /// <summary>Tax code (jurisdiction, rate, effective dates).</summary>
    public const string TaxCode = "TAX_CODE";

    /// <summary>Legal entity (functional currency, intercompany partners).</summary>
    public const string LegalEntity = "LEGAL_ENTITY";

    /// <summary>Employee (entity, default cost center, approver).</summary>
    public const string Employee = "EMPLOYEE";

    /// <summary>Exchange rate of one currency pair on one date.</summary>
    public const string ExchangeRate = "EXCHANGE_RATE";

    /// <summary>Accounting period (entity, open or closed).</summary>
    public const string AccountingPeriod = "ACCOUNTING_PERIOD";

    /// <summary>Budget of a cost center or project for a period.</summary>
    public const string Budget = "BUDGET";

    /// <summary>Expense category of the expense policy (GL account, limits per currency).</summary>
    public const string ExpenseCategory = "EXPENSE_CATEGORY";

    /// <summary>Item category of a legal entity mapped to a GL account, for purchase order lines that name none.</summary>
    public const string ItemCategory = "ITEM_CATEGORY";

    /// <summary>Every known object type, in the order of the Avro enum.</summary>
    public static IReadOnlyList<string> All { get; } =
        [CostCenter, Supplier, Project, GlAccount, TaxCode, LegalEntity, Employee, ExchangeRate, AccountingPeriod, Budget, ExpenseCategory, ItemCategory];

    /// <summary>Whether <paramref name="name"/> names a known object type (case-insensitive, surrounding blanks ignored).</summary>
    public static bool IsKnown(string? name) => Canonical(name) is not null;

    /// <summary>The upper-case spelling of a known object type, or null when <paramref name="name"/> is not one.</summary>
    public static string? Canonical(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var trimmed = name.Trim();
        foreach (var known in All)
            if (string.Equals(known, trimmed, StringComparison.OrdinalIgnoreCase))
                return known;
        return null;
    }
}
