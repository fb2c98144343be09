using System.Globalization;

namespace StreamFinance.Rules.Lookups;

/// <summary>
/// The keys the validation API looks master data up by, in the form of <c>md.history</c> (<see cref="MasterDataKeys"/>:
/// <c>OBJECT_TYPE:businessKey</c>, e.g. <c>COST_CENTER:CC-1042</c>), and the business keys of budgets and accounting periods.
/// </summary>
public static class LookupKeys
{
    /// <summary>The store key of one object, e.g. <c>BUDGET:CC-1000/US01-2026-03</c>.</summary>
    public static string Of(string objectType, string businessKey) => $"{objectType}{MasterDataKeys.Separator}{businessKey}";

    /// <summary>
    /// The store key range holding every object of <paramref name="objectType"/> whose business key starts with
    /// <paramref name="businessKeyPrefix"/>: keys are UTF-8 and RocksDB orders bytes, so each such key sorts between the
    /// prefix and prefix + U+FFFF. A range read still checks <see cref="string.StartsWith(string, StringComparison)"/> on <c>From</c>.
    /// </summary>
    public static (string From, string To) PrefixRange(string objectType, string businessKeyPrefix)
    {
        var from = Of(objectType, businessKeyPrefix);
        return (from, from + '\uffff');
    }

    /// <summary>Business key of a cost center's general budget (no project) for one accounting period: <c>CC-1000/US01-2026-03</c>.</summary>
    public static string Budget(string costCenterId, string periodId) => $"{costCenterId}/{periodId}";

    /// <summary>Business key of a legal entity's item category: <c>US01/44121618</c>.</summary>
    public static string ItemCategory(string legalEntityId, string categoryCode) => $"{legalEntityId}/{categoryCode}";

    /// <summary>
    /// Business key of the calendar-month period <paramref name="date"/> falls in (<c>US01-2026-03</c>), the usual
    /// convention; periods of other fiscal calendars are found by <see cref="AccountingPeriodPrefix"/>.
    /// </summary>
    public static string CalendarAccountingPeriod(string legalEntityId, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{legalEntityId}-{date.Year:0000}-{date.Month:00}");

    /// <summary>Prefix shared by every accounting period key of one legal entity.</summary>
    public static string AccountingPeriodPrefix(string legalEntityId) => $"{legalEntityId}-";
}
