using System.Globalization;
using Avro.Specific;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;

namespace StreamFinance.Host.Tests.Api.Support;

/// <summary>Builders of canonical master-data records and of their md.history values, for the API tests.</summary>
internal static class MasterDataRecords
{
    public static DateTime Day(string iso) =>
        DateTime.SpecifyKind(DateTime.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    /// <summary>A history whose versions are (effective date, payload); a null payload is a delete.</summary>
    public static MasterDataHistory History(MasterDataObjectType type, string key, params (string From, ISpecificRecord? Payload)[] versions) => new()
    {
        objectType = type,
        businessKey = key,
        versions = versions.Select(v => new MasterDataVersion
        {
            effectiveFrom = Day(v.From),
            deleted = v.Payload is null,
            update = new MasterDataUpdate
            {
                envelope = Envelope("test", key), objectType = type, businessKey = key,
                operation = v.Payload is null ? MasterDataOperation.DELETE : MasterDataOperation.UPSERT,
                effectiveDate = Day(v.From), payload = v.Payload,
            },
        }).ToList(),
    };

    public static LegalEntity LegalEntity(string id, string country, string currency) => new()
    {
        envelope = Envelope("d365", id), legalEntityId = id, name = $"Entity {id}", country = country, functionalCurrency = currency,
        intercompanyPartnerEntityIds = [], effectiveFrom = Day("2020-01-01"),
    };

    public static CostCenter CostCenter(string id, string entity, CostCenterStatus status, string from, string validFrom = "2020-01-01", string? validTo = null) => new()
    {
        envelope = Envelope("sap-s4", id), costCenterId = id, name = $"Cost center {id}", legalEntityId = entity, status = status,
        validFrom = Day(validFrom), validTo = validTo is null ? null : Day(validTo), ownerEmployeeId = "E-1", effectiveFrom = Day(from),
    };

    public static Project Project(string id, string entity, ProjectStatus status, string from, string start = "2020-01-01", string? end = null) => new()
    {
        envelope = Envelope("netsuite", id), projectId = id, name = $"Project {id}", legalEntityId = entity, status = status,
        startDate = Day(start), endDate = end is null ? null : Day(end), effectiveFrom = Day(from),
    };

    public static TaxCode TaxCode(string id, string jurisdiction, decimal rate, string validFrom = "2020-01-01", string? validTo = null) => new()
    {
        envelope = Envelope("sap-s4", id), taxCodeId = id, jurisdiction = jurisdiction, description = $"{jurisdiction} {rate}",
        rate = AvroDecimals.ToAvro(rate, AvroDecimals.TaxRateScale), validFrom = Day(validFrom), validTo = validTo is null ? null : Day(validTo),
    };

    public static Supplier Supplier(string id, SupplierStatus status, string from) => new()
    {
        envelope = Envelope("sap-s4", id), supplierId = id, legalName = $"Supplier {id}", taxId = "DE811234567", country = "DE",
        bankAccountFingerprint = new string('a', 64), status = status, riskStatus = SupplierRiskStatus.LOW,
        complianceStatus = SupplierComplianceStatus.COMPLIANT, sourceReferences = [], effectiveFrom = Day(from),
    };

    public static ExchangeRate Rate(string from, string to, string day, decimal rate) => new()
    {
        envelope = Envelope("d365", $"{from}/{to}/{day}"), exchangeRateId = $"{from}/{to}/{day}", fromCurrency = from, toCurrency = to,
        rateDate = Day(day), rate = AvroDecimals.ToAvro(rate, AvroDecimals.FxRateScale), rateType = ExchangeRateType.SPOT,
    };

    public static AccountingPeriod Period(string id, string entity, string start, string end, AccountingPeriodStatus status) => new()
    {
        envelope = Envelope("sap-s4", id), periodId = id, legalEntityId = entity, fiscalYear = Day(start).Year, periodNumber = Day(start).Month,
        startDate = Day(start), endDate = Day(end), status = status,
    };

    public static Budget Budget(string costCenter, string period, decimal amount, string currency) => new()
    {
        envelope = Envelope("sap-s4", $"{costCenter}/{period}"), budgetId = $"{costCenter}/{period}", costCenterId = costCenter, projectId = null,
        periodId = period, amount = amount.ToMoney(currency),
    };

    private static Envelope Envelope(string source, string id) => new()
    {
        eventId = Guid.NewGuid(), correlationId = $"{source}:{id}", sourceSystem = source, sourceId = id,
        eventTime = Day("2026-01-01"), ingestTime = Day("2026-01-01"), idempotencyKey = $"{source}:{id}:1",
    };
}
