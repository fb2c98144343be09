using System.Globalization;
using Avro.Specific;
using StreamFinance.Contracts;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.Expenses;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Rules.Expenses;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Rules.Tests.Expenses;

/// <summary>
/// Master data for the expense rules' unit tests; today is 2026-04-20. Entities US01 (USD, employee E-US-1, cost center
/// CC-1000) and DE01 (EUR, E-DE-1, CC-2000); CC-1042 (US01) inactive since 2026-04-01; CC-1060 (US01) exists from
/// 2026-05-01. March 2026 is closed, April open. One rate: USD/EUR 0.92 on 2026-04-10 (and 2026-03-10).
/// </summary>
internal static class RulesWorld
{
    public static readonly DateOnly Today = new(2026, 4, 20);

    public static readonly InMemoryMasterDataLookup Lookup = Build();

    /// <summary>The rules under the default policy, changed by <paramref name="configure"/>.</summary>
    public static ExpenseRules RulesWith(Action<ExpenseOptions>? configure = null)
    {
        var options = ExpenseOptions.Default();
        configure?.Invoke(options);
        return new ExpenseRules(new ExpensePolicy(options), new FxFallbackPolicy());
    }

    /// <summary>A line as the expense pipeline reads it: employee E-US-1, 40 USD SOFTWARE on 2026-04-10, receipt attached.</summary>
    public static ExpenseInput Line(
        string employee = "E-US-1", string? charged = null, string? costCenter = null, string? project = null, string? taxCode = null,
        decimal amount = 40m, string currency = "USD", string date = "2026-04-10", string category = "SOFTWARE", bool receipt = true) =>
        new(DateOnly.Parse(date, CultureInfo.InvariantCulture), amount, currency, employee, charged, costCenter, project, taxCode, category, null, receipt);

    /// <summary>Judges <paramref name="line"/> with <paramref name="rules"/> as the pipeline does (Avro field names).</summary>
    public static ExpenseAssessment Judge(this ExpenseRules rules, ExpenseInput line) =>
        rules.Evaluate(line, new MasterDataReader(Lookup), Today, ExpenseFields.ExpenseLine);

    /// <summary>
    /// Judges <paramref name="line"/> over this world with <paramref name="extra"/> objects added, each replacing the
    /// world's object of its key.
    /// </summary>
    public static ExpenseAssessment Judge(this ExpenseRules rules, ExpenseInput line, params MasterDataHistory[] extra)
    {
        var lookup = Build();
        foreach (var history in extra)
            lookup.Put(history);
        return rules.Evaluate(line, new MasterDataReader(lookup), Today, ExpenseFields.ExpenseLine);
    }

    /// <summary>Legal entity <paramref name="id"/> of this world (country and currency as <paramref name="country"/> and <paramref name="currency"/>).</summary>
    public static LegalEntity Entity(string id, string country, string currency) => new()
    {
        legalEntityId = id, name = id, country = country, functionalCurrency = currency, intercompanyPartnerEntityIds = [], effectiveFrom = Day("2020-01-01"),
    };

    private static InMemoryMasterDataLookup Build()
    {
        var lookup = new InMemoryMasterDataLookup();
        foreach (var (entity, country, currency, employee, center, tax) in new[]
        {
            ("US01", "US", "USD", "E-US-1", "CC-1000", "US-EXEMPT"), ("DE01", "DE", "EUR", "E-DE-1", "CC-2000", "DE-VAT19"),
        })
        {
            lookup.Put(Of(MasterDataObjectType.LEGAL_ENTITY, entity, ("2020-01-01", Entity(entity, country, currency))));
            lookup.Put(Of(MasterDataObjectType.EMPLOYEE, employee, ("2020-01-01", new Employee
            {
                employeeId = employee, legalEntityId = entity, defaultCostCenterId = center, status = EmployeeStatus.ACTIVE, effectiveFrom = Day("2020-01-01"),
            })));
            lookup.Put(Of(MasterDataObjectType.COST_CENTER, center, ("2020-01-01", CostCenter(center, entity, CostCenterStatus.ACTIVE))));
            lookup.Put(Of(MasterDataObjectType.TAX_CODE, tax, ("2020-01-01", new TaxCode
            {
                taxCodeId = tax, jurisdiction = country, description = country, rate = AvroDecimals.ToAvro(0.1m, AvroDecimals.TaxRateScale), validFrom = Day("2020-01-01"),
            })));
            lookup.Put(Of(MasterDataObjectType.ACCOUNTING_PERIOD, $"{entity}-2026-03",
                ("2026-03-01", Period(entity, "2026-03", AccountingPeriodStatus.OPEN)), ("2026-04-05", Period(entity, "2026-03", AccountingPeriodStatus.CLOSED))));
            lookup.Put(Of(MasterDataObjectType.ACCOUNTING_PERIOD, $"{entity}-2026-04", ("2026-04-01", Period(entity, "2026-04", AccountingPeriodStatus.OPEN))));
        }
        lookup.Put(Of(MasterDataObjectType.COST_CENTER, "CC-1042",
            ("2020-01-01", CostCenter("CC-1042", "US01", CostCenterStatus.ACTIVE)), ("2026-04-01", CostCenter("CC-1042", "US01", CostCenterStatus.INACTIVE))));
        lookup.Put(Of(MasterDataObjectType.COST_CENTER, "CC-1060", ("2026-05-01", CostCenter("CC-1060", "US01", CostCenterStatus.ACTIVE))));
        lookup.Put(Of(MasterDataObjectType.PROJECT, "PRJ-DONE",
            ("2020-01-01", Project("PRJ-DONE", ProjectStatus.OPEN)), ("2026-02-01", Project("PRJ-DONE", ProjectStatus.CLOSED))));
        foreach (var day in new[] { "2026-03-10", "2026-04-10" })
            lookup.Put(Of(MasterDataObjectType.EXCHANGE_RATE, $"USD/EUR/{day}", (day, new ExchangeRate
            {
                exchangeRateId = $"USD/EUR/{day}", fromCurrency = "USD", toCurrency = "EUR", rateDate = Day(day),
                rate = AvroDecimals.ToAvro(0.92m, AvroDecimals.FxRateScale), rateType = ExchangeRateType.SPOT,
            })));
        return lookup;
    }

    private static CostCenter CostCenter(string id, string entity, CostCenterStatus status) => new()
    {
        costCenterId = id, name = id, legalEntityId = entity, status = status, validFrom = Day("2020-01-01"), ownerEmployeeId = "E-US-1", effectiveFrom = Day("2020-01-01"),
    };

    private static Project Project(string id, ProjectStatus status) => new()
    {
        projectId = id, name = id, legalEntityId = "US01", status = status, startDate = Day("2020-01-01"), effectiveFrom = Day("2020-01-01"),
    };

    private static AccountingPeriod Period(string entity, string month, AccountingPeriodStatus status)
    {
        var start = Day(month + "-01");
        return new()
        {
            periodId = $"{entity}-{month}", legalEntityId = entity, fiscalYear = 2026, periodNumber = start.Month,
            startDate = start, endDate = start.AddMonths(1).AddDays(-1), status = status,
        };
    }

    /// <summary>The history of one object with <paramref name="versions"/>, each in force from its date (yyyy-MM-dd).</summary>
    public static MasterDataHistory Of(MasterDataObjectType type, string key, params (string From, ISpecificRecord Payload)[] versions) => new()
    {
        objectType = type,
        businessKey = key,
        versions = [.. versions.Select(v => new MasterDataVersion
        {
            effectiveFrom = Day(v.From),
            deleted = false,
            update = new MasterDataUpdate { objectType = type, businessKey = key, operation = MasterDataOperation.UPSERT, effectiveDate = Day(v.From), payload = v.Payload },
        })],
    };

    /// <summary>A date as Avro's <c>date</c> reads it (UTC midnight).</summary>
    public static DateTime Day(string iso) => DateTime.SpecifyKind(DateTime.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
