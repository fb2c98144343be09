using System.Globalization;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Fx;

namespace StreamFinance.Rules.Lookups;

/// <summary>
/// Typed, point-in-time reads over an <see cref="IMasterDataLookup"/>: the version of an object in force on a date,
/// FX rates with the domain's fallback, and the accounting period that contains a date.
/// </summary>
public sealed class MasterDataReader(IMasterDataLookup lookup)
{
    // Typed views per stored value, kept as long as the value itself (the store's decoded-value cache holds it).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MasterDataHistory, object> Views = new();

    /// <summary>Most accounting periods of one entity examined when the calendar-month key does not fit the date.</summary>
    public const int MaxPeriodsScanned = 1000;

    /// <summary>The version of <c>objectType:businessKey</c> in force on <paramref name="date"/>.</summary>
    public VersionInForce<T> AsOf<T>(string objectType, string businessKey, DateOnly date) where T : class
    {
        var noun = MasterDataNouns.Of(objectType);
        if (lookup.Find(objectType, businessKey) is not { } stored)
            return VersionInForce<T>.Absent($"{noun} {businessKey} is unknown");
        return InForce(View<T>(stored), noun, date);
    }

    /// <summary>
    /// The rate converting <paramref name="from"/> into <paramref name="to"/> on <paramref name="date"/>, falling back
    /// to earlier days as <paramref name="policy"/> allows: the master-data topology's own definition
    /// (<see cref="HistoryFxRates"/>: the rate object of each day as in force on that day), so the API and the pipelines agree.
    /// </summary>
    public FxRateLookupResult FxRate(string from, string to, DateOnly date, FxFallbackPolicy policy) =>
        HistoryFxRates.Find(FindByKey, from, to, date, policy);

    /// <summary>
    /// The accounting period of <paramref name="legalEntityId"/> whose dates contain <paramref name="date"/>, as in force
    /// on that date: first the calendar-month key (<c>US01-2026-03</c>), else any period of the entity, open ones first.
    /// </summary>
    public VersionInForce<AccountingPeriod> PeriodContaining(string legalEntityId, DateOnly date)
    {
        var type = MasterDataObjectTypes.AccountingPeriod;
        var calendar = AsOf<AccountingPeriod>(type, LookupKeys.CalendarAccountingPeriod(legalEntityId, date), date);
        if (calendar.IsFound && Contains(calendar.Value!, legalEntityId, date))
            return calendar;

        VersionInForce<AccountingPeriod>? best = null;
        foreach (var stored in lookup.FindByPrefix(type, LookupKeys.AccountingPeriodPrefix(legalEntityId), MaxPeriodsScanned))
        {
            var candidate = InForce(View<AccountingPeriod>(stored), MasterDataNouns.Of(type), date);
            if (!candidate.IsFound || !Contains(candidate.Value!, legalEntityId, date))
                continue;
            if (best is null || (candidate.Value!.status == AccountingPeriodStatus.OPEN && best.Value!.status != AccountingPeriodStatus.OPEN))
                best = candidate;
        }
        return best ?? VersionInForce<AccountingPeriod>.Absent(
            $"no accounting period of legal entity {legalEntityId} contains {Day(date)}");
    }

    /// <summary>
    /// The open accounting period of <paramref name="legalEntityId"/> that starts first after <paramref name="after"/>,
    /// with statuses as in force on <paramref name="asOf"/> (today, when deciding where to post); null when none is open.
    /// </summary>
    public AccountingPeriod? NextOpenPeriod(string legalEntityId, DateOnly after, DateOnly asOf)
    {
        AccountingPeriod? next = null;
        foreach (var stored in lookup.FindByPrefix(MasterDataObjectTypes.AccountingPeriod, LookupKeys.AccountingPeriodPrefix(legalEntityId), MaxPeriodsScanned))
        {
            var version = View<AccountingPeriod>(stored).AsOf(asOf);
            if (version is null || version.IsDeleted || version.Value.status != AccountingPeriodStatus.OPEN)
                continue;
            var period = version.Value;
            if (!string.Equals(period.legalEntityId, legalEntityId, StringComparison.Ordinal) || DateOnly.FromDateTime(period.startDate) <= after)
                continue;
            if (next is null || period.startDate < next.startDate)
                next = period;
        }
        return next;
    }

    /// <summary>Most supplier golden records examined when a purchase order names a supplier by a source system's id.</summary>
    public const int MaxSuppliersScanned = 10_000;

    /// <summary>
    /// The supplier golden record, in force on <paramref name="date"/>, that lists <paramref name="sourceId"/> of
    /// <paramref name="sourceSystem"/> among its cross-references (<c>sourceReferences</c>); null when none does among the
    /// first <see cref="MaxSuppliersScanned"/> suppliers. A scan, not an index: fine for thousands of suppliers.
    /// </summary>
    public VersionInForce<Supplier>? SupplierByReference(string sourceSystem, string sourceId, DateOnly date) =>
        ByReference<Supplier>(MasterDataObjectTypes.Supplier, MaxSuppliersScanned, date,
            s => (s.sourceReferences ?? []).Any(r => Is(r.sourceSystem, r.sourceId, sourceSystem, sourceId)));

    /// <summary>Most employees examined when a purchase order names its buyer by a source system's id.</summary>
    public const int MaxEmployeesScanned = 50_000;

    /// <summary>
    /// The employee, in force on <paramref name="date"/>, whose cross-references (<c>sourceReferences</c>) list
    /// <paramref name="sourceId"/> of <paramref name="sourceSystem"/> (compared exactly); null when none does among the
    /// first <see cref="MaxEmployeesScanned"/> employees. A scan like <see cref="SupplierByReference"/>.
    /// </summary>
    public VersionInForce<Employee>? EmployeeByReference(string sourceSystem, string sourceId, DateOnly date) =>
        ByReference<Employee>(MasterDataObjectTypes.Employee, MaxEmployeesScanned, date,
            e => (e.sourceReferences ?? []).Any(r => Is(r.sourceSystem, r.sourceId, sourceSystem, sourceId)));

    private VersionInForce<T>? ByReference<T>(string type, int limit, DateOnly date, Func<T, bool> references) where T : class
    {
        foreach (var stored in lookup.FindByPrefix(type, "", limit))
        {
            var candidate = InForce(View<T>(stored), MasterDataNouns.Of(type), date);
            if (candidate.IsFound && references(candidate.Value!))
                return candidate;
        }
        return null;
    }

    private static bool Is(string system, string id, string sourceSystem, string sourceId) =>
        string.Equals(system, sourceSystem, StringComparison.Ordinal) && string.Equals(id, sourceId, StringComparison.Ordinal);

    private MasterDataHistory? FindByKey(string key) =>
        MasterDataKeys.TrySplit(key, out var type, out var businessKey) ? lookup.Find(type, businessKey) : null;

    /// <summary>The typed view of a stored history, built once per stored value (values are read-only).</summary>
    private static ObjectHistory<T> View<T>(MasterDataHistory stored) where T : class
    {
        if (Views.TryGetValue(stored, out var view) && view is ObjectHistory<T> typed)
            return typed;
        var built = ObjectHistory<T>.From(stored);
        Views.AddOrUpdate(stored, built);
        return built;
    }

    private static VersionInForce<T> InForce<T>(ObjectHistory<T> history, string noun, DateOnly date) where T : class
    {
        var version = history.AsOf(date);
        if (version is null)
        {
            var first = history.Versions.Count == 0 ? "it has no versions" : $"its first version is in force from {Day(history.Versions[0].EffectiveFrom)}";
            return VersionInForce<T>.Absent($"{noun} {history.BusinessKey} does not exist on {Day(date)}: {first}", history);
        }
        if (version.IsDeleted)
            return VersionInForce<T>.Absent($"{noun} {history.BusinessKey} was deleted with effect from {Day(version.EffectiveFrom)}", history);
        return VersionInForce<T>.Found(version.Value, version.EffectiveFrom, history);
    }

    private static bool Contains(AccountingPeriod period, string legalEntityId, DateOnly date) =>
        string.Equals(period.legalEntityId, legalEntityId, StringComparison.Ordinal)
        && DateOnly.FromDateTime(period.startDate) <= date && date <= DateOnly.FromDateTime(period.endDate);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
