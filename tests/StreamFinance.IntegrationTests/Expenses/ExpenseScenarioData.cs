using Avro.Specific;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Transactions;

namespace StreamFinance.IntegrationTests.Expenses;

/// <summary>
/// The md.history records and expense lines of the replay scenario: legal entity US01 (USD), employee E-US-1 with
/// default cost center CC-1000, tax code US-EXEMPT, and an open accounting period around today (the topology decides
/// on the real clock).
/// </summary>
internal static class ExpenseScenarioData
{
    private static readonly DateTime Since = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static DateTime Today => DateTime.SpecifyKind(DateTime.UtcNow.Date, DateTimeKind.Utc);

    public static IEnumerable<(string Key, MasterDataHistory Value)> MasterData()
    {
        yield return History(MasterDataObjectType.LEGAL_ENTITY, "US01", new LegalEntity
        {
            envelope = Envelope("US01"), legalEntityId = "US01", name = "US entity", country = "US", functionalCurrency = "USD",
            intercompanyPartnerEntityIds = [], effectiveFrom = Since,
        });
        yield return History(MasterDataObjectType.EMPLOYEE, "E-US-1", new Employee
        {
            envelope = Envelope("E-US-1"), employeeId = "E-US-1", legalEntityId = "US01", defaultCostCenterId = "CC-1000",
            approverEmployeeId = null, status = EmployeeStatus.ACTIVE, effectiveFrom = Since,
        });
        yield return CostCenter("CC-1000");
        yield return History(MasterDataObjectType.TAX_CODE, "US-EXEMPT", new TaxCode
        {
            envelope = Envelope("US-EXEMPT"), taxCodeId = "US-EXEMPT", jurisdiction = "US", description = "exempt",
            rate = AvroDecimals.ToAvro(0m, AvroDecimals.TaxRateScale), validFrom = Since, validTo = null,
        });
        var periodId = $"US01-{Today:yyyy}-{Today:MM}";
        var start = new DateTime(Today.Year, Today.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        yield return History(MasterDataObjectType.ACCOUNTING_PERIOD, periodId, new AccountingPeriod
        {
            envelope = Envelope(periodId), periodId = periodId, legalEntityId = "US01", fiscalYear = start.Year, periodNumber = start.Month,
            startDate = start, endDate = start.AddMonths(1).AddDays(-1), status = AccountingPeriodStatus.OPEN,
        });
    }

    public static (string Key, MasterDataHistory Value) CostCenter(string id, CostCenterStatus status = CostCenterStatus.ACTIVE) =>
        History(MasterDataObjectType.COST_CENTER, id, new CostCenter
        {
            envelope = Envelope(id), costCenterId = id, name = id, legalEntityId = "US01", status = status,
            validFrom = Since, validTo = null, ownerEmployeeId = "E-US-1", effectiveFrom = Since,
        });

    public static ExpenseLine Expense(string id, string costCenter, string idempotencyKey) => new()
    {
        envelope = Envelope(id, idempotencyKey), reportId = "R-1", expenseId = id, employeeId = "E-US-1", merchant = "GitHub", category = "SOFTWARE",
        transactionDate = Today, amount = 40m.ToMoney("USD"), tax = null, receiptAttached = true, cardTransactionId = null,
        costCenterId = costCenter, projectId = null, glAccountId = null, taxCodeId = null, chargedEntityId = null, description = "",
    };

    private static (string, MasterDataHistory) History(MasterDataObjectType type, string key, ISpecificRecord payload) =>
        ($"{type}:{key}", new MasterDataHistory
        {
            objectType = type,
            businessKey = key,
            versions =
            [
                new MasterDataVersion
                {
                    effectiveFrom = Since,
                    deleted = false,
                    update = new MasterDataUpdate
                    {
                        envelope = Envelope(key), objectType = type, businessKey = key, operation = MasterDataOperation.UPSERT,
                        effectiveDate = Since, payload = payload,
                    },
                },
            ],
        });

    private static Envelope Envelope(string id, string? idempotencyKey = null) => new()
    {
        eventId = Guid.NewGuid(), correlationId = $"it:{id}", sourceSystem = "it", sourceId = id,
        eventTime = DateTime.UtcNow, ingestTime = DateTime.UtcNow, idempotencyKey = idempotencyKey ?? $"it:{id}",
    };
}
