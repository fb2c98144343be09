using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Transactions;

namespace StreamFinance.Topologies.Tests.MasterData;

/// <summary>Master-data updates for topology tests, one builder per object type.</summary>
internal static class TestUpdates
{
    public static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    public static DateTime Day(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static Envelope Envelope(string source, string id, DateTime? eventTime = null) => new()
    {
        eventId = Guid.NewGuid(),
        correlationId = $"corr-{source}-{id}",
        sourceSystem = source,
        sourceId = id,
        eventTime = DateTime.SpecifyKind(eventTime ?? Day(2026, 1, 2), DateTimeKind.Utc),
        ingestTime = Day(2026, 4, 15),
        idempotencyKey = $"{source}:{id}:1",
    };

    public static MasterDataUpdate Upsert(MasterDataObjectType type, string key, DateTime effective, object payload, string source, DateTime? eventTime = null) => new()
    {
        envelope = Envelope(source, key, eventTime),
        objectType = type,
        businessKey = key,
        operation = MasterDataOperation.UPSERT,
        effectiveDate = effective,
        payload = payload,
    };

    public static MasterDataUpdate Delete(MasterDataObjectType type, string key, DateTime effective, string source) => new()
    {
        envelope = Envelope(source, key),
        objectType = type,
        businessKey = key,
        operation = MasterDataOperation.DELETE,
        effectiveDate = effective,
        payload = null,
    };

    public static MasterDataUpdate CostCenter(string id, CostCenterStatus status, DateTime effective, string source = "sap-s4", string name = "Marketing Events") =>
        Upsert(MasterDataObjectType.COST_CENTER, id, effective, new CostCenter
        {
            envelope = Envelope(source, id),
            costCenterId = id,
            name = name,
            legalEntityId = "US01",
            status = status,
            validFrom = Day(2024, 1, 1),
            validTo = status == CostCenterStatus.ACTIVE ? null : effective.AddDays(-1),
            ownerEmployeeId = "E-US01-001",
            effectiveFrom = effective,
        }, source);

    /// <summary>An expense category of <paramref name="source"/> posting to <paramref name="glAccountId"/>, with <paramref name="limits"/> per currency.</summary>
    public static MasterDataUpdate ExpenseCategory(string id, string glAccountId, DateTime effective, string source = "sap-s4", params (string Currency, decimal Limit)[] limits) =>
        Upsert(MasterDataObjectType.EXPENSE_CATEGORY, id, effective, new ExpenseCategory
        {
            envelope = Envelope(source, id),
            categoryId = id,
            name = id,
            glAccountId = glAccountId,
            limits = [.. limits.Select(l => l.Limit.ToMoney(l.Currency))],
            effectiveFrom = effective,
        }, source);

    /// <summary>The item category <paramref name="code"/> of <paramref name="entity"/> booked to <paramref name="glAccountId"/>, key <c>entity/code</c>.</summary>
    public static MasterDataUpdate ItemCategory(string entity, string code, string glAccountId, DateTime effective, string source = "sap-s4") =>
        Upsert(MasterDataObjectType.ITEM_CATEGORY, $"{entity}/{code}", effective, new ItemCategory
        {
            envelope = Envelope(source, $"{entity}/{code}"), itemCategoryId = $"{entity}/{code}", legalEntityId = entity, categoryCode = code,
            name = null, glAccountId = glAccountId, effectiveFrom = effective,
        }, source);

    /// <summary>A DE01 employee of the HR system approved by <paramref name="approver"/>, known to <paramref name="sourceSystem"/> as <paramref name="sourceId"/>.</summary>
    public static MasterDataUpdate EmployeeKnownAs(string id, string approver, string sourceSystem, string sourceId, DateTime effective, string source = "netsuite") =>
        Upsert(MasterDataObjectType.EMPLOYEE, id, effective, new Employee
        {
            envelope = Envelope(source, id), employeeId = id, legalEntityId = "DE01", defaultCostCenterId = "CC-2010", approverEmployeeId = approver,
            status = EmployeeStatus.ACTIVE, effectiveFrom = effective,
            sourceReferences = [new EmployeeSourceReference { sourceSystem = sourceSystem, sourceId = sourceId }],
        }, source);

    public static MasterDataUpdate Rate(string from, string to, DateTime day, decimal rate, string source = "d365") =>
        Upsert(MasterDataObjectType.EXCHANGE_RATE, $"{from}/{to}/{day:yyyy-MM-dd}", day, new ExchangeRate
        {
            envelope = Envelope(source, $"{from}/{to}/{day:yyyy-MM-dd}"),
            exchangeRateId = $"{from}/{to}/{day:yyyy-MM-dd}",
            fromCurrency = from,
            toCurrency = to,
            rateDate = day,
            rate = AvroDecimals.ToAvro(rate, AvroDecimals.FxRateScale),
            rateType = ExchangeRateType.SPOT,
        }, source);

    public static Supplier SupplierRecord(
        string id, string legalName, string taxId, string bank, string source, DateTime? eventTime = null,
        IList<SupplierContact>? contacts = null, SupplierStatus status = SupplierStatus.ACTIVE, params (string System, string Id)[] crossReferences) => new()
    {
        envelope = Envelope(source, id, eventTime),
        supplierId = id,
        legalName = legalName,
        taxId = taxId,
        country = "DE",
        bankAccountFingerprint = bank,
        status = status,
        riskStatus = SupplierRiskStatus.LOW,
        complianceStatus = SupplierComplianceStatus.COMPLIANT,
        sourceReferences = [new SupplierSourceReference { sourceSystem = source, sourceId = id }, .. crossReferences.Select(r => new SupplierSourceReference { sourceSystem = r.System, sourceId = r.Id })],
        effectiveFrom = Day(2026, 1, 1),
        contacts = contacts,
    };

    public static MasterDataUpdate Supplier(Supplier supplier, DateTime? effective = null) =>
        Upsert(MasterDataObjectType.SUPPLIER, supplier.supplierId, effective ?? supplier.effectiveFrom, supplier, supplier.envelope.sourceSystem, supplier.envelope.eventTime);

    public static SupplierContact Contact(string name) => new() { name = name, email = $"{name.Replace(' ', '.').ToLowerInvariant()}@mueller.example", phone = null, role = "SALES" };
}
