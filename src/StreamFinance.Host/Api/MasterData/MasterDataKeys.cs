using System.Globalization;
using StreamFinance.Domain.MasterData;

namespace StreamFinance.Host.Api.MasterData;

/// <summary>
/// How master-data objects are keyed in <c>md.history</c> and its store: <c>OBJECT_TYPE:businessKey</c>, for example
/// <c>COST_CENTER:CC-1042</c>, <c>EXCHANGE_RATE:USD/EUR/2026-03-30</c>, <c>BUDGET:CC-1000/US01-2026-03</c>,
/// <c>ACCOUNTING_PERIOD:US01-2026-03</c>.
/// </summary>
public static class MasterDataKeys
{
    /// <summary>The store key of one object.</summary>
    public static string Of(string objectType, string businessKey) => $"{objectType}:{businessKey}";

    /// <summary>Business key of the rate converting <paramref name="from"/> into <paramref name="to"/> published for <paramref name="rateDate"/>.</summary>
    public static string ExchangeRate(string from, string to, DateOnly rateDate) =>
        string.Create(CultureInfo.InvariantCulture, $"{from}/{to}/{rateDate:yyyy-MM-dd}");

    /// <summary>Business key of a cost center's general budget (no project) for one accounting period.</summary>
    public static string Budget(string costCenterId, string periodId) => $"{costCenterId}/{periodId}";

    /// <summary>
    /// Business key of the calendar-month period <paramref name="date"/> falls in (<c>US01-2026-03</c>), the usual
    /// convention; periods of other fiscal calendars are found by <see cref="AccountingPeriodPrefix"/>.
    /// </summary>
    public static string CalendarAccountingPeriod(string legalEntityId, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{legalEntityId}-{date.Year:0000}-{date.Month:00}");

    /// <summary>Prefix shared by every accounting period key of one legal entity.</summary>
    public static string AccountingPeriodPrefix(string legalEntityId) => $"{legalEntityId}-";

    /// <summary>The object type part of a store key, or null when the key has no known type.</summary>
    public static string? ObjectTypeOf(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : MasterDataObjectTypes.Canonical(key[..colon]);
    }
}
