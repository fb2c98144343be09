using System.Globalization;
using Avro.Specific;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Transactions;

namespace StreamFinance.Topologies.Tests.Expenses;

/// <summary>
/// Master data and transactions of the expense topology tests. Today is 2026-04-20. Entities US01 (USD), DE01 (EUR),
/// JP01 (JPY), BH01 (BHD); March 2026 is closed, April and May are open. CC-1042 is active until 2026-03-31 and
/// inactive since 2026-04-01; CC-1050 is inactive until 2026-03-31 and active since 2026-04-01; CC-1060 exists only from
/// 2026-05-01.
/// </summary>
internal static class ExpenseWorld
{
    public static readonly DateTimeOffset Today = new(2026, 4, 20, 9, 0, 0, TimeSpan.Zero);

    public static IEnumerable<(string Key, MasterDataHistory History)> MasterData()
    {
        foreach (var (entity, country, currency, employee, center) in new[]
        {
            ("US01", "US", "USD", "E-US-1", "CC-1000"), ("DE01", "DE", "EUR", "E-DE-1", "CC-2000"),
            ("JP01", "JP", "JPY", "E-JP-1", "CC-3000"), ("BH01", "BH", "BHD", "E-BH-1", "CC-4000"),
        })
        {
            yield return Of(MasterDataObjectType.LEGAL_ENTITY, entity, ("2020-01-01", LegalEntity(entity, country, currency)));
            yield return Of(MasterDataObjectType.EMPLOYEE, employee, ("2020-01-01", Employee(employee, entity, center)));
            yield return Of(MasterDataObjectType.COST_CENTER, center, ("2020-01-01", CostCenter(center, entity, CostCenterStatus.ACTIVE, "2020-01-01")));
            yield return Of(MasterDataObjectType.ACCOUNTING_PERIOD, $"{entity}-2026-03", ("2026-03-01", Period($"{entity}-2026-03", entity, "2026-03-01", "2026-03-31", AccountingPeriodStatus.OPEN)),
                ("2026-04-05", Period($"{entity}-2026-03", entity, "2026-03-01", "2026-03-31", AccountingPeriodStatus.CLOSED)));
            yield return Of(MasterDataObjectType.ACCOUNTING_PERIOD, $"{entity}-2026-04", ("2026-04-01", Period($"{entity}-2026-04", entity, "2026-04-01", "2026-04-30", AccountingPeriodStatus.OPEN)));
            yield return Of(MasterDataObjectType.ACCOUNTING_PERIOD, $"{entity}-2026-05", ("2026-05-01", Period($"{entity}-2026-05", entity, "2026-05-01", "2026-05-31", AccountingPeriodStatus.OPEN)));
        }
        yield return Of(MasterDataObjectType.COST_CENTER, "CC-1042",
            ("2020-01-01", CostCenter("CC-1042", "US01", CostCenterStatus.ACTIVE, "2020-01-01")),
            ("2026-04-01", CostCenter("CC-1042", "US01", CostCenterStatus.INACTIVE, "2026-04-01")));
        yield return Of(MasterDataObjectType.COST_CENTER, "CC-1050",
            ("2020-01-01", CostCenter("CC-1050", "US01", CostCenterStatus.INACTIVE, "2020-01-01")),
            ("2026-04-01", CostCenter("CC-1050", "US01", CostCenterStatus.ACTIVE, "2026-04-01")));
        yield return Of(MasterDataObjectType.COST_CENTER, "CC-1060", ("2026-05-01", CostCenter("CC-1060", "US01", CostCenterStatus.ACTIVE, "2026-05-01")));
        // A cost center of a legal entity whose own record has not arrived.
        yield return Of(MasterDataObjectType.COST_CENTER, "CC-9000", ("2020-01-01", CostCenter("CC-9000", "XX01", CostCenterStatus.ACTIVE, "2020-01-01")));
        yield return Of(MasterDataObjectType.PROJECT, "PRJ-OPEN", ("2020-01-01", Project("PRJ-OPEN", "US01", ProjectStatus.OPEN, "2020-01-01")));
        yield return Of(MasterDataObjectType.PROJECT, "PRJ-DONE",
            ("2020-01-01", Project("PRJ-DONE", "US01", ProjectStatus.OPEN, "2020-01-01")),
            ("2026-02-01", Project("PRJ-DONE", "US01", ProjectStatus.CLOSED, "2026-02-01")));
        foreach (var (id, jurisdiction) in new[] { ("US-EXEMPT", "US"), ("DE-VAT19", "DE"), ("JP-CT10", "JP"), ("BH-VAT10", "BH") })
            yield return Of(MasterDataObjectType.TAX_CODE, id, ("2020-01-01", TaxCode(id, jurisdiction)));
    }

    public static (string Key, MasterDataHistory History) Rate(string from, string to, string day, decimal rate) =>
        Of(MasterDataObjectType.EXCHANGE_RATE, $"{from}/{to}/{day}", (day, new ExchangeRate
        {
            envelope = Envelope("treasury", $"{from}/{to}/{day}"), exchangeRateId = $"{from}/{to}/{day}", fromCurrency = from, toCurrency = to,
            rateDate = Day(day), rate = AvroDecimals.ToAvro(rate, AvroDecimals.FxRateScale), rateType = ExchangeRateType.SPOT,
        }));

    /// <summary>The md.history record of an employee of <paramref name="entity"/> with default cost center <paramref name="center"/>, in force since 2020.</summary>
    public static (string Key, MasterDataHistory History) Hired(string employee, string entity, string center) =>
        Of(MasterDataObjectType.EMPLOYEE, employee, ("2020-01-01", Employee(employee, entity, center)));

    /// <summary>The md.history record of an active cost center of <paramref name="entity"/>, in force since 2020.</summary>
    public static (string Key, MasterDataHistory History) CostCenterOpened(string id, string entity = "US01") =>
        Of(MasterDataObjectType.COST_CENTER, id, ("2020-01-01", CostCenter(id, entity, CostCenterStatus.ACTIVE, "2020-01-01")));

    /// <summary>The md.history record of an open project of <paramref name="entity"/>, in force since 2020.</summary>
    public static (string Key, MasterDataHistory History) ProjectOpened(string id, string entity = "US01") =>
        Of(MasterDataObjectType.PROJECT, id, ("2020-01-01", Project(id, entity, ProjectStatus.OPEN, "2020-01-01")));

    /// <summary>The md.history record of a tax code of <paramref name="jurisdiction"/>, in force since 2020.</summary>
    public static (string Key, MasterDataHistory History) TaxCodeCreated(string id, string jurisdiction) =>
        Of(MasterDataObjectType.TAX_CODE, id, ("2020-01-01", TaxCode(id, jurisdiction)));

    /// <summary>The md.history record of the open calendar-month period of <paramref name="entity"/> that starts on <paramref name="firstDay"/>.</summary>
    public static (string Key, MasterDataHistory History) PeriodOpened(string entity, string firstDay)
    {
        var start = Day(firstDay);
        var id = $"{entity}-{start:yyyy-MM}";
        var last = start.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Of(MasterDataObjectType.ACCOUNTING_PERIOD, id, (firstDay, Period(id, entity, firstDay, last, AccountingPeriodStatus.OPEN)));
    }

    public static ExpenseLine Expense(
        string id, string employee = "E-US-1", decimal amount = 40m, string currency = "USD", string date = "2026-04-10",
        string category = "SOFTWARE", bool receipt = true, string? costCenter = null, string? project = null, string? taxCode = null,
        string? card = null, string? chargedEntity = null) => new()
        {
            envelope = Envelope("concur", id), reportId = "R-1", expenseId = id, employeeId = employee, merchant = "GitHub", category = category,
            transactionDate = Day(date), amount = amount.ToMoney(currency), tax = null, receiptAttached = receipt, cardTransactionId = card,
            costCenterId = costCenter, projectId = project, glAccountId = null, taxCodeId = taxCode, chargedEntityId = chargedEntity, description = "",
        };

    public static CardTransaction Card(string id, string employee = "E-US-1", decimal amount = 40m) => new()
    {
        envelope = Envelope("ramp", id), transactionId = id, employeeId = employee, merchant = "GITHUB.COM", mcc = "5734",
        postedDate = Day("2026-04-11"), transactionDate = Day("2026-04-10"), amount = amount.ToMoney("USD"), billedAmount = amount.ToMoney("USD"),
    };

    /// <summary>A fully coded card transaction of <paramref name="source"/> (a spend platform), valid under the sample master data by default.</summary>
    public static CardTransaction CodedCard(
        string id, decimal amount = 40m, string costCenter = "CC-1000", string category = "SOFTWARE", bool receipt = true, string? project = null, string source = "ramp")
    {
        var card = Card(id, amount: amount);
        card.envelope = Envelope(source, id);
        card.costCenterId = costCenter;
        card.category = category;
        card.receiptAttached = receipt;
        card.projectId = project;
        card.memo = "Team licences";
        return card;
    }

    public static DateTime Day(string iso) => DateTime.SpecifyKind(DateTime.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    public static (string Key, MasterDataHistory History) Of(MasterDataObjectType type, string key, params (string From, ISpecificRecord Payload)[] versions) =>
        ($"{type}:{key}", new MasterDataHistory
        {
            objectType = type,
            businessKey = key,
            versions = versions.Select(v => new MasterDataVersion
            {
                effectiveFrom = Day(v.From),
                deleted = false,
                update = new MasterDataUpdate
                {
                    envelope = Envelope("test", key), objectType = type, businessKey = key, operation = MasterDataOperation.UPSERT,
                    effectiveDate = Day(v.From), payload = v.Payload,
                },
            }).ToList(),
        });

    private static LegalEntity LegalEntity(string id, string country, string currency) => new()
    {
        envelope = Envelope("d365", id), legalEntityId = id, name = $"Entity {id}", country = country, functionalCurrency = currency,
        intercompanyPartnerEntityIds = [], effectiveFrom = Day("2020-01-01"),
    };

    private static Employee Employee(string id, string entity, string center) => new()
    {
        envelope = Envelope("workday", id), employeeId = id, legalEntityId = entity, defaultCostCenterId = center, approverEmployeeId = null,
        status = EmployeeStatus.ACTIVE, effectiveFrom = Day("2020-01-01"),
    };

    private static CostCenter CostCenter(string id, string entity, CostCenterStatus status, string from) => new()
    {
        envelope = Envelope("sap-s4", id), costCenterId = id, name = $"Cost center {id}", legalEntityId = entity, status = status,
        validFrom = Day("2020-01-01"), validTo = null, ownerEmployeeId = "E-US-1", effectiveFrom = Day(from),
    };

    private static Project Project(string id, string entity, ProjectStatus status, string from) => new()
    {
        envelope = Envelope("netsuite", id), projectId = id, name = $"Project {id}", legalEntityId = entity, status = status,
        startDate = Day("2020-01-01"), endDate = null, effectiveFrom = Day(from),
    };

    private static TaxCode TaxCode(string id, string jurisdiction) => new()
    {
        envelope = Envelope("sap-s4", id), taxCodeId = id, jurisdiction = jurisdiction, description = jurisdiction,
        rate = AvroDecimals.ToAvro(0.1m, AvroDecimals.TaxRateScale), validFrom = Day("2020-01-01"), validTo = null,
    };

    private static AccountingPeriod Period(string id, string entity, string start, string end, AccountingPeriodStatus status) => new()
    {
        envelope = Envelope("sap-s4", id), periodId = id, legalEntityId = entity, fiscalYear = 2026, periodNumber = Day(start).Month,
        startDate = Day(start), endDate = Day(end), status = status,
    };

    public static Envelope Envelope(string source, string id) => new()
    {
        eventId = Guid.NewGuid(), correlationId = $"{source}:{id}", sourceSystem = source, sourceId = id,
        eventTime = Day("2026-04-10"), ingestTime = Day("2026-04-10"), idempotencyKey = $"{source}:{id}:1",
    };
}
