using System.Globalization;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.MasterData.Ownership;

namespace StreamFinance.Topologies.Tests.Simulation;

/// <summary>
/// The simulated company and the records it sends, built only from a seeded <see cref="Random"/> (event ids included),
/// so a seed gives the same bytes every run. Entities US01 (USD), DE01 (EUR), JP01 (JPY), April 2026 open; each has
/// employees and cost centers; every update comes from its system of record
/// (<see cref="SystemOfRecordOptions.Default"/>), since ownership refusals are not what the simulation is about.
/// </summary>
internal static class SimWorld
{
    /// <summary>The business clock's start: 2026-04-20 09:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 4, 20, 9, 0, 0, TimeSpan.Zero);

    public static readonly (string Entity, string Country, string Currency, string TaxCode)[] Entities =
        [("US01", "US", "USD", "US-EXEMPT"), ("DE01", "DE", "EUR", "DE-VAT19"), ("JP01", "JP", "JPY", "JP-CT10")];

    /// <summary>Cost centers: two per entity.</summary>
    public static readonly (string Id, string Entity)[] CostCenters =
        [("CC-US-1", "US01"), ("CC-US-2", "US01"), ("CC-DE-1", "DE01"), ("CC-DE-2", "DE01"), ("CC-JP-1", "JP01"), ("CC-JP-2", "JP01")];

    /// <summary>Employees with their entity and default cost center.</summary>
    public static readonly (string Id, string Entity, string CostCenter)[] Employees =
        [("E-US-1", "US01", "CC-US-1"), ("E-US-2", "US01", "CC-US-2"), ("E-DE-1", "DE01", "CC-DE-1"), ("E-DE-2", "DE01", "CC-DE-2"), ("E-JP-1", "JP01", "CC-JP-1")];

    public static string CurrencyOf(string entity) => Entities.Single(e => e.Entity == entity).Currency;

    public static int MinorUnits(string currency) => currency == "JPY" ? 0 : 2;

    public static DateTime Day(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static MasterDataUpdate LegalEntity(Random random, string entity)
    {
        var (_, country, currency, _) = Entities.Single(e => e.Entity == entity);
        return Update(random, MasterDataObjectType.LEGAL_ENTITY, entity, new DateOnly(2020, 1, 1), SystemOfRecordOptions.GroupErp, e => new LegalEntity
        {
            envelope = e, legalEntityId = entity, name = $"Entity {entity}", country = country, functionalCurrency = currency,
            intercompanyPartnerEntityIds = [.. Entities.Select(x => x.Entity).Where(x => x != entity)], effectiveFrom = Day(new DateOnly(2020, 1, 1)),
        });
    }

    public static MasterDataUpdate TaxCode(Random random, string id, string country) =>
        Update(random, MasterDataObjectType.TAX_CODE, id, new DateOnly(2020, 1, 1), SystemOfRecordOptions.Erp, e => new TaxCode
        {
            envelope = e, taxCodeId = id, jurisdiction = country, description = country,
            rate = AvroDecimals.ToAvro(0.1m, AvroDecimals.TaxRateScale), validFrom = Day(new DateOnly(2020, 1, 1)), validTo = null,
        });

    public static MasterDataUpdate April(Random random, string entity) =>
        Update(random, MasterDataObjectType.ACCOUNTING_PERIOD, $"{entity}-2026-04", new DateOnly(2026, 4, 1), SystemOfRecordOptions.Erp, e => new AccountingPeriod
        {
            envelope = e, periodId = $"{entity}-2026-04", legalEntityId = entity, fiscalYear = 2026, periodNumber = 4,
            startDate = Day(new DateOnly(2026, 4, 1)), endDate = Day(new DateOnly(2026, 4, 30)), status = AccountingPeriodStatus.OPEN,
        });

    /// <summary>A cost center version in force from <paramref name="from"/>.</summary>
    public static MasterDataUpdate CostCenter(Random random, string id, string entity, CostCenterStatus status, DateOnly from) =>
        Update(random, MasterDataObjectType.COST_CENTER, id, from, SystemOfRecordOptions.Erp, e => new CostCenter
        {
            envelope = e, costCenterId = id, name = $"Cost center {id}", legalEntityId = entity, status = status,
            validFrom = Day(new DateOnly(2020, 1, 1)), validTo = null, ownerEmployeeId = "E-US-1", effectiveFrom = Day(from),
        });

    public static MasterDataUpdate Employee(Random random, string id, string entity, string costCenter) =>
        Update(random, MasterDataObjectType.EMPLOYEE, id, new DateOnly(2020, 1, 1), SystemOfRecordOptions.HrSystem, e => new Employee
        {
            envelope = e, employeeId = id, legalEntityId = entity, defaultCostCenterId = costCenter, approverEmployeeId = null,
            status = EmployeeStatus.ACTIVE, effectiveFrom = Day(new DateOnly(2020, 1, 1)),
        });

    public static MasterDataUpdate Rate(Random random, string from, string to, DateOnly day, decimal rate)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{from}/{to}/{day:yyyy-MM-dd}");
        return Update(random, MasterDataObjectType.EXCHANGE_RATE, id, day, SystemOfRecordOptions.GroupErp, e => new ExchangeRate
        {
            envelope = e, exchangeRateId = id, fromCurrency = from, toCurrency = to, rateDate = Day(day),
            rate = AvroDecimals.ToAvro(rate, AvroDecimals.FxRateScale), rateType = ExchangeRateType.SPOT,
        });
    }

    public static ExpenseLine Line(
        Random random, string id, string employee, decimal amount, string currency, DateOnly date, string category, bool receipt, string? costCenter, string? card) => new()
        {
            envelope = Envelope(random, "concur", id), reportId = "R-" + id, expenseId = id, employeeId = employee, merchant = "Merchant", category = category,
            transactionDate = Day(date), amount = amount.ToMoney(currency), tax = null, receiptAttached = receipt, cardTransactionId = card,
            costCenterId = costCenter, projectId = null, glAccountId = null, taxCodeId = null, chargedEntityId = null, description = "",
        };

    public static CardTransaction Card(Random random, string id, string employee, decimal amount, string currency, DateOnly date) => new()
    {
        envelope = Envelope(random, "ramp", id), transactionId = id, employeeId = employee, merchant = "MERCHANT", mcc = "5734",
        postedDate = Day(date.AddDays(1)), transactionDate = Day(date), amount = amount.ToMoney(currency), billedAmount = amount.ToMoney(currency),
    };

    /// <summary>The same record as a source sends it again under the same idempotency key, with a new event id.</summary>
    public static Envelope Resent(Random random, Envelope original) => new()
    {
        eventId = NextGuid(random), correlationId = original.correlationId, sourceSystem = original.sourceSystem, sourceId = original.sourceId,
        eventTime = original.eventTime, ingestTime = original.ingestTime.AddMinutes(1), idempotencyKey = original.idempotencyKey, mappingProfile = original.mappingProfile,
    };

    private static MasterDataUpdate Update<T>(Random random, MasterDataObjectType type, string key, DateOnly from, string source, Func<Envelope, T> payload) => new()
    {
        envelope = Envelope(random, source, string.Create(CultureInfo.InvariantCulture, $"{key}@{from:yyyy-MM-dd}")), objectType = type, businessKey = key, operation = MasterDataOperation.UPSERT,
        effectiveDate = Day(from), payload = payload(Envelope(random, source, key)),
    };

    private static Envelope Envelope(Random random, string source, string id) => new()
    {
        eventId = NextGuid(random), correlationId = $"{source}:{id}", sourceSystem = source, sourceId = id,
        eventTime = Start.UtcDateTime.AddDays(-1), ingestTime = Start.UtcDateTime.AddDays(-1), idempotencyKey = $"{source}:{id}:1", mappingProfile = null,
    };

    private static Guid NextGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
