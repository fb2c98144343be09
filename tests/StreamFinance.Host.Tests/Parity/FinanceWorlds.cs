using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Expenses;
using StreamFinance.Host.Tests.Api.Support;
using static StreamFinance.Host.Tests.Api.Support.MasterDataRecords;

namespace StreamFinance.Host.Tests.Parity;

/// <summary>
/// Random <see cref="FinanceWorld"/>s: four legal entities (USD, EUR, JPY, BHD; each may be missing), employees of any
/// of them, cost centers active, inactive, blocked, deactivated or expiring on a day of March and of any entity,
/// projects open or closed, tax codes of each country (each may be missing, one expired), FX rates with gaps (a pair
/// may be unpublished, any day may be missing), February to April periods open, closed or missing, both rounding
/// modes and both closed-period policies; expense categories (MEALS, HOTEL, SOFTWARE, TRAINING) as master data or not,
/// with GL account and limits changing on a day of March or April, and entities with or without a default tax code
/// (sometimes one that does not exist) and a receipt threshold (sometimes in another currency); and lines coded to known and unknown ids, in any currency, amounts with
/// three decimals so that conversions land on midpoints. Shrinks by dropping lines.
/// </summary>
public static class FinanceWorlds
{
    /// <summary>"Today" of both sides: the API's clock and the pipeline's.</summary>
    public static readonly DateTimeOffset Today = ValidationApiStack.Now;

    private static readonly (string Id, string Country, string Currency)[] Entities =
        [("US01", "US", "USD"), ("DE01", "DE", "EUR"), ("JP01", "JP", "JPY"), ("BH01", "BH", "BHD")];

    private static readonly string[] EntityIds = [.. Entities.Select(e => e.Id)];
    private static readonly string[] Currencies = [.. Entities.Select(e => e.Currency)];
    private static readonly string[] Employees = ["E-1", "E-2", "E-3"];
    private static readonly string[] CostCenters = ["CC-1", "CC-2", "CC-3", "CC-4"];
    private static readonly string[] Projects = ["PRJ-1", "PRJ-2"];

    private static readonly (string Id, string Jurisdiction, string? ValidTo)[] TaxCodes =
        [("US-EXEMPT", "US", null), ("DE-VAT19", "DE", null), ("JP-CT10", "JP", null), ("BH-VAT10", "BH", null), ("US-CA-OLD", "US-CA", "2025-12-31")];

    private static readonly string[] Categories = ["MEALS", "HOTEL", "SOFTWARE", "TRAINING"];

    private static readonly decimal[] Rates = [0.5m, 1.25m, 1.5m, 2.5m, 0.125m, 160.5m, 0.0065m, 0.376m];

    private static readonly DateOnly FirstRateDay = new(2026, 2, 16);
    private static readonly DateOnly FirstLineDay = new(2026, 2, 20);
    private static readonly DateOnly LastDay = DateOnly.FromDateTime(Today.UtcDateTime);

    /// <summary>The arbitrary of <see cref="FinanceWorld"/>, for <c>[Properties(Arbitrary = ...)]</c>.</summary>
    public static Arbitrary<FinanceWorld> World() => Arb.From(Worlds(), Shrink);

    private static Gen<FinanceWorld> Worlds() =>
        from centerEntities in Gen.CollectToList(CostCenters, _ => Gen.Elements(EntityIds))
        from employeeEntities in Gen.CollectToList(Employees, _ => Gen.Elements(EntityIds))
        from entities in Gen.CollectToList(Entities, e => Sometimes(95, EntityHistory(e.Id, e.Country, e.Currency)))
        from employees in Gen.CollectToList(Employees.Zip(employeeEntities), e => Sometimes(95, EmployeeHistory(e.First, e.Second)))
        from centers in Gen.CollectToList(CostCenters.Zip(centerEntities), c => Sometimes(95, CostCenterHistory(c.First, c.Second)))
        from projects in Gen.CollectToList(Projects, id => Sometimes(95, ProjectHistory(id)))
        from taxCodes in Gen.CollectToList(TaxCodes, t => Sometimes(90, Gen.Constant(History(MasterDataObjectType.TAX_CODE, t.Id, ("2020-01-01", TaxCode(t.Id, t.Jurisdiction, 0.1m, "2020-01-01", t.ValidTo))))))
        from rates in Gen.CollectToList(Pairs(), pair => Sometimes(85, RatesOf(pair.From, pair.To)))
        from periods in Gen.CollectToList(EntityIds.SelectMany(e => new[] { (e, 2), (e, 3), (e, 4) }), p => Sometimes(95, PeriodHistory(p.Item1, p.Item2)))
        from categories in Gen.CollectToList(Categories, id => Sometimes(50, CategoryHistory(id)))
        from rounding in Gen.Elements(MidpointRounding.AwayFromZero, MidpointRounding.ToEven)
        from closedPeriod in Gen.Elements(ClosedPeriodPolicy.RollForward, ClosedPeriodPolicy.DeadLetter)
        from count in Gen.Choose(1, 5)
        let coding = new Coding(CostCenters.Zip(centerEntities).ToDictionary(), Employees.Zip(employeeEntities).ToDictionary())
        from lines in Gen.CollectToList(Enumerable.Range(1, count), i => Line(i, coding))
        select new FinanceWorld(
            [.. entities.Concat(employees).Concat(centers).Concat(projects).Concat(taxCodes).Concat(periods).Concat(categories).OfType<MasterDataHistory>(),
             .. rates.OfType<List<MasterDataHistory>>().SelectMany(r => r)],
            rounding, closedPeriod, lines);

    /// <summary>The entity of each cost center and employee (whether or not the world holds them), so lines can mostly be coded coherently.</summary>
    private sealed record Coding(Dictionary<string, string> CenterEntity, Dictionary<string, string> EmployeeEntity);

    private static IEnumerable<FinanceWorld> Shrink(FinanceWorld world) =>
        world.Lines.Count <= 1 ? [] : world.Lines.Select((_, i) => world with { Lines = [.. world.Lines.Where((_, j) => j != i)] });

    private static Gen<T?> Sometimes<T>(int percent, Gen<T> present) where T : class =>
        Gen.Frequency((percent, present.Select(p => (T?)p)), (100 - percent, Gen.Constant<T?>(null)));

    private static Gen<DateOnly> DayBetween(DateOnly first, DateOnly last) =>
        Gen.Choose(0, last.DayNumber - first.DayNumber).Select(first.AddDays);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An entity with, at random, a default tax code (of its country, or not one) and a receipt threshold (in its currency, or another) as master data.</summary>
    private static Gen<MasterDataHistory> EntityHistory(string id, string country, string currency) =>
        from taxCode in Gen.Frequency(
            (6, Gen.Constant<string?>(null)),
            (3, Gen.Elements<string?>([.. TaxCodes.Where(t => t.Jurisdiction[..2] == country).Select(t => t.Id)])),
            (1, Gen.Elements<string?>("XX-VAT", "US-CA-OLD")))
        from thresholdCurrency in Gen.Frequency((4, Gen.Constant(currency)), (1, Gen.Elements(Currencies)))
        from threshold in Sometimes(40, Gen.Elements(0m, 10m, 30m, 5000m).Select(t => t.ToMoney(thresholdCurrency)))
        let entity = LegalEntity(id, country, currency)
        select History(MasterDataObjectType.LEGAL_ENTITY, id, ("2020-01-01", WithDefaults(entity, taxCode, threshold)));

    private static LegalEntity WithDefaults(LegalEntity entity, string? taxCode, Money? threshold)
    {
        entity.defaultTaxCodeId = taxCode;
        entity.receiptThreshold = threshold;
        return entity;
    }

    /// <summary>An expense category in force since 2020, sometimes with a second version from a day of March or April.</summary>
    private static Gen<MasterDataHistory> CategoryHistory(string id) =>
        from first in CategoryVersion(id, "2020-01-01")
        from changes in Gen.Elements(false, true)
        from day in DayBetween(new DateOnly(2026, 3, 1), LastDay).Select(Iso)
        from second in CategoryVersion(id, day)
        select changes
            ? History(MasterDataObjectType.EXPENSE_CATEGORY, id, ("2020-01-01", first), (day, second))
            : History(MasterDataObjectType.EXPENSE_CATEGORY, id, ("2020-01-01", first));

    private static Gen<ExpenseCategory> CategoryVersion(string id, string since) =>
        from account in Gen.Elements("649000", "649100", "649200")
        from limits in Gen.CollectToList(Currencies, c => Sometimes(50, Gen.Elements(20m, 50m, 120m, 20000m).Select(l => l.ToMoney(c))))
        select new ExpenseCategory
        {
            envelope = Envelope(id), categoryId = id, name = id, glAccountId = account, limits = [.. limits.OfType<Money>()], effectiveFrom = Day(since),
        };

    private static Gen<MasterDataHistory> EmployeeHistory(string id, string entity) =>
        from center in Gen.Elements([.. CostCenters, "CC-9"])
        select History(MasterDataObjectType.EMPLOYEE, id, ("2020-01-01", new Employee
        {
            envelope = Envelope(id), employeeId = id, legalEntityId = entity, defaultCostCenterId = center, approverEmployeeId = null,
            status = EmployeeStatus.ACTIVE, effectiveFrom = Day("2020-01-01"),
        }));

    private static Gen<MasterDataHistory> CostCenterHistory(string id, string entity) =>
        from scenario in Gen.Frequency((12, Gen.Constant(0)), (2, Gen.Choose(1, 4)))
        from day in DayBetween(new DateOnly(2026, 3, 1), LastDay).Select(Iso)
        select scenario switch
        {
            0 => History(MasterDataObjectType.COST_CENTER, id, ("2020-01-01", CostCenter(id, entity, CostCenterStatus.ACTIVE, "2020-01-01"))),
            1 => History(MasterDataObjectType.COST_CENTER, id, ("2020-01-01", CostCenter(id, entity, CostCenterStatus.INACTIVE, "2020-01-01"))),
            2 => History(MasterDataObjectType.COST_CENTER, id, ("2020-01-01", CostCenter(id, entity, CostCenterStatus.ACTIVE, "2020-01-01")),
                (day, CostCenter(id, entity, CostCenterStatus.INACTIVE, day))),
            3 => History(MasterDataObjectType.COST_CENTER, id, ("2020-01-01", CostCenter(id, entity, CostCenterStatus.BLOCKED, "2020-01-01"))),
            _ => History(MasterDataObjectType.COST_CENTER, id, ("2020-01-01", CostCenter(id, entity, CostCenterStatus.ACTIVE, "2020-01-01", validTo: day))),
        };

    private static Gen<MasterDataHistory> ProjectHistory(string id) =>
        from entity in Gen.Elements(EntityIds)
        from scenario in Gen.Frequency((4, Gen.Constant(0)), (2, Gen.Choose(1, 2)))
        from day in DayBetween(new DateOnly(2026, 3, 1), LastDay).Select(Iso)
        select scenario switch
        {
            0 => History(MasterDataObjectType.PROJECT, id, ("2020-01-01", Project(id, entity, ProjectStatus.OPEN, "2020-01-01"))),
            1 => History(MasterDataObjectType.PROJECT, id, ("2020-01-01", Project(id, entity, ProjectStatus.OPEN, "2020-01-01")),
                (day, Project(id, entity, ProjectStatus.CLOSED, day))),
            _ => History(MasterDataObjectType.PROJECT, id, ("2020-01-01", Project(id, entity, ProjectStatus.OPEN, "2020-01-01", end: day))),
        };

    private static IEnumerable<(string From, string To)> Pairs() =>
        Currencies.SelectMany(from => Currencies.Where(to => to != from).Select(to => (from, to)));

    /// <summary>The daily rates of one pair from mid-February to today, each day missing at random.</summary>
    private static Gen<List<MasterDataHistory>> RatesOf(string from, string to) =>
        Gen.CollectToList(Enumerable.Range(0, LastDay.DayNumber - FirstRateDay.DayNumber + 1), offset =>
            Sometimes(65, Gen.Elements(Rates).Select(rate =>
            {
                var day = Iso(FirstRateDay.AddDays(offset));
                return History(MasterDataObjectType.EXCHANGE_RATE, $"{from}/{to}/{day}", (day, Rate(from, to, day, rate)));
            })))
        .Select(days => days.OfType<MasterDataHistory>().ToList());

    /// <summary>A calendar-month period of 2026, created at the start of the year, open or closed.</summary>
    private static Gen<MasterDataHistory> PeriodHistory(string entity, int month) =>
        Gen.Frequency((3, Gen.Constant(AccountingPeriodStatus.OPEN)), (1, Gen.Constant(AccountingPeriodStatus.CLOSED))).Select(status =>
        {
            var start = new DateOnly(2026, month, 1);
            var id = $"{entity}-2026-{month:D2}";
            var period = Period(id, entity, Iso(start), Iso(start.AddMonths(1).AddDays(-1)), status);
            return History(MasterDataObjectType.ACCOUNTING_PERIOD, id, ("2026-01-01", period));
        });

    private static Gen<ExpenseLine> Line(int index, Coding coding) =>
        from center in Gen.Frequency((19, Gen.Elements(CostCenters)), (1, Gen.Constant("CC-9")))
        from entity in Gen.Frequency((8, Gen.Constant(coding.CenterEntity.GetValueOrDefault(center, "US01"))), (2, Gen.Elements([.. EntityIds, "XX01"])))
        from employee in Gen.Frequency(
            (7, Gen.Elements([.. coding.EmployeeEntity.Where(e => e.Value == entity).Select(e => e.Key).DefaultIfEmpty("E-1")])),
            (2, Gen.Elements(Employees)), (1, Gen.Constant("E-9")))
        from project in Gen.Frequency((5, Gen.Constant<string?>(null)), (4, Gen.Elements<string?>(Projects)), (1, Gen.Constant<string?>("PRJ-9")))
        from taxCode in Gen.Frequency(
            (4, Gen.Constant<string?>(null)),
            (4, Gen.Elements<string?>([.. TaxCodes.Where(t => CountryOf(entity) == t.Jurisdiction[..2]).Select(t => t.Id).DefaultIfEmpty("XX-VAT")])),
            (2, Gen.Elements<string?>([.. TaxCodes.Select(t => t.Id), "XX-VAT"])))
        from category in Gen.Frequency((19, Gen.Elements(Categories)), (1, Gen.Constant("YACHT")))
        from glAccount in Gen.Frequency((9, Gen.Constant<string?>(null)), (1, Gen.Constant<string?>("699999")))
        from receipt in Gen.Frequency((7, Gen.Constant(true)), (3, Gen.Constant(false)))
        from currency in Gen.Frequency((5, Gen.Constant(CurrencyOf(entity))), (5, Gen.Elements(Currencies)))
        from hundredths in Gen.Choose(0, 25_000)
        // Half of the amounts end in a 5 of the third decimal: a midpoint when the functional currency has two.
        from lastDigit in Gen.Frequency((1, Gen.Constant(5)), (1, Gen.Choose(0, 9)))
        let thousandths = hundredths * 10 + lastDigit
        from day in DayBetween(FirstLineDay, LastDay)
        let id = $"EXP-{index}"
        select new ExpenseLine
        {
            envelope = Envelope(id), reportId = "R-1", expenseId = id, employeeId = employee, merchant = "Merchant", category = category,
            transactionDate = Day(Iso(day)), amount = (thousandths / 1000m * (currency == "JPY" ? 100 : 1)).ToMoney(currency), tax = null,
            receiptAttached = receipt, cardTransactionId = null, costCenterId = center, projectId = project, glAccountId = glAccount,
            taxCodeId = taxCode, chargedEntityId = entity, description = "",
        };

    private static string CountryOf(string entity) => Entities.FirstOrDefault(e => e.Id == entity).Country ?? "XX";

    private static string CurrencyOf(string entity) => Entities.FirstOrDefault(e => e.Id == entity).Currency ?? "USD";

    private static Envelope Envelope(string id) => new()
    {
        eventId = Guid.NewGuid(), correlationId = $"parity:{id}", sourceSystem = "parity", sourceId = id,
        eventTime = Day("2026-03-01"), ingestTime = Day("2026-03-01"), idempotencyKey = $"parity:{id}:1",
    };

    /// <summary>A payload in a few words, for counterexamples.</summary>
    public static string Describe(object? payload) => payload switch
    {
        null => "deleted",
        LegalEntity e => $"{e.country} {e.functionalCurrency} default tax {e.defaultTaxCodeId ?? "-"} receipt threshold {(e.receiptThreshold is { } t ? $"{t.ToDecimal().ToString(CultureInfo.InvariantCulture)} {t.currency}" : "-")}",
        ExpenseCategory c => $"gl {c.glAccountId} limits {string.Join(", ", c.limits.Select(l => $"{l.ToDecimal().ToString(CultureInfo.InvariantCulture)} {l.currency}"))}",
        Employee e => $"of {e.legalEntityId}, default {e.defaultCostCenterId}",
        CostCenter c => $"of {c.legalEntityId} {c.status} valid {c.validFrom:yyyy-MM-dd}..{c.validTo:yyyy-MM-dd}",
        Project p => $"of {p.legalEntityId} {p.status} {p.startDate:yyyy-MM-dd}..{p.endDate:yyyy-MM-dd}",
        TaxCode t => $"{t.jurisdiction} {t.validFrom:yyyy-MM-dd}..{t.validTo:yyyy-MM-dd}",
        ExchangeRate r => AvroDecimals.ToDecimal(r.rate).ToString(CultureInfo.InvariantCulture),
        AccountingPeriod p => $"{p.startDate:yyyy-MM-dd}..{p.endDate:yyyy-MM-dd} {p.status}",
        ExpenseLine l => $"{l.transactionDate:yyyy-MM-dd} employee {l.employeeId} entity {l.chargedEntityId} cost center {l.costCenterId} " +
                         $"project {l.projectId ?? "-"} tax {l.taxCodeId ?? "-"} {l.category} gl {l.glAccountId ?? "-"} receipt {l.receiptAttached} " +
                         $"{l.amount.ToDecimal().ToString(CultureInfo.InvariantCulture)} {l.amount.currency}",
        _ => payload.GetType().Name,
    };
}
