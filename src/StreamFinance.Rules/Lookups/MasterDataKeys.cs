using System.Globalization;
using StreamFinance.Contracts.MasterData;

namespace StreamFinance.Rules.Lookups;

/// <summary>
/// The keys of master-data topics: <c>md.updates</c> and <c>md.history</c> are keyed <c>TYPE:businessKey</c>
/// (<c>COST_CENTER:CC-1042</c>), the canonical <c>md.*</c> topics by business key alone; an exchange rate's business key
/// is <c>FROM/TO/yyyy-MM-dd</c>.
/// </summary>
public static class MasterDataKeys
{
    /// <summary>Separator between object type and business key.</summary>
    public const char Separator = ':';

    /// <summary>The <c>md.updates</c> / <c>md.history</c> key of an object, e.g. <c>COST_CENTER:CC-1042</c>.</summary>
    public static string For(MasterDataObjectType type, string businessKey) => $"{type}{Separator}{businessKey}";

    /// <summary>The business key of an exchange rate, e.g. <c>EUR/USD/2026-03-31</c>; currency codes are trimmed and upper-cased.</summary>
    public static string ExchangeRateId(string fromCurrency, string toCurrency, DateOnly rateDate) =>
        string.Create(CultureInfo.InvariantCulture, $"{fromCurrency.Trim().ToUpperInvariant()}/{toCurrency.Trim().ToUpperInvariant()}/{rateDate:yyyy-MM-dd}");

    /// <summary>
    /// Splits a record key at its first <see cref="Separator"/> into object type name and business key; false when the key
    /// is blank or has no separator.
    /// </summary>
    public static bool TrySplit(string? key, out string typeName, out string businessKey)
    {
        var at = key?.IndexOf(Separator) ?? -1;
        if (at < 0)
        {
            typeName = businessKey = "";
            return false;
        }
        typeName = key![..at];
        businessKey = key[(at + 1)..];
        return true;
    }
}
