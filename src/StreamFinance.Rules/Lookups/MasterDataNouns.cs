using StreamFinance.Domain.MasterData;

namespace StreamFinance.Rules.Lookups;

/// <summary>How messages name each master-data object type: <c>COST_CENTER</c> is "cost center".</summary>
public static class MasterDataNouns
{
    /// <summary>The lower-case noun of <paramref name="objectType"/>; unknown types read as their name.</summary>
    public static string Of(string objectType) => objectType switch
    {
        MasterDataObjectTypes.CostCenter => "cost center",
        MasterDataObjectTypes.Supplier => "supplier",
        MasterDataObjectTypes.Project => "project",
        MasterDataObjectTypes.GlAccount => "GL account",
        MasterDataObjectTypes.TaxCode => "tax code",
        MasterDataObjectTypes.LegalEntity => "legal entity",
        MasterDataObjectTypes.Employee => "employee",
        MasterDataObjectTypes.ExchangeRate => "exchange rate",
        MasterDataObjectTypes.AccountingPeriod => "accounting period",
        MasterDataObjectTypes.Budget => "budget",
        MasterDataObjectTypes.ExpenseCategory => "expense category",
        MasterDataObjectTypes.ItemCategory => "item category",
        _ => objectType,
    };
}
