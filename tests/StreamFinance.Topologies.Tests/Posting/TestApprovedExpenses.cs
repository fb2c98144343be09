using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;

namespace StreamFinance.Topologies.Tests.Posting;

/// <summary>Approved expenses as the expense topology writes them, with only what posting reads varied.</summary>
internal static class TestApprovedExpenses
{
    public static readonly DateTimeOffset TenOClock = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    public static ApprovedExpense Us(string id, decimal amount, DateTimeOffset approvedAt, bool card = false, string gl = "6100") =>
        Approved(id, "US01", amount, "USD", approvedAt, card, gl);

    public static ApprovedExpense Approved(
        string id, string entity, decimal amount, string currency, DateTimeOffset approvedAt, bool card = false, string gl = "6100",
        string? employeeEntity = null, decimal? employeeAmount = null, string? employeeCurrency = null, int period = 11)
    {
        var day = approvedAt.UtcDateTime.Date;
        return new ApprovedExpense
        {
            envelope = Envelope(id, approvedAt),
            expense = new ExpenseLine
            {
                envelope = Envelope(id, approvedAt), reportId = "RPT-1", expenseId = id, employeeId = "EMP-1", merchant = "Hotel", category = "LODGING",
                transactionDate = day, amount = amount.ToMoney(currency), tax = null, receiptAttached = true, cardTransactionId = card ? $"CTX-{id}" : null,
                costCenterId = "CC-1", projectId = null, glAccountId = null, taxCodeId = null, chargedEntityId = employeeEntity is null ? null : entity, description = "",
            },
            legalEntityId = entity,
            costCenterId = "CC-1",
            projectId = null,
            glAccountId = gl,
            taxCodeId = "TX-STD",
            taxJurisdiction = "XX",
            functionalAmount = amount.ToMoney(currency),
            fxRate = AvroDecimals.ToAvro(1m, AvroDecimals.FxRateScale),
            fxRateDate = day,
            postingPeriodId = $"{entity}-2026-{period:D2}",
            fiscalYear = 2026,
            periodNumber = period,
            isCardCharge = card,
            employeeEntityId = employeeEntity,
            employeeEntityAmount = employeeAmount is { } a && employeeCurrency is { } c ? a.ToMoney(c) : null,
        };
    }

    private static Envelope Envelope(string id, DateTimeOffset at) => new()
    {
        eventId = Guid.NewGuid(), correlationId = $"corr-{id}", sourceSystem = "concur", sourceId = id,
        eventTime = at.UtcDateTime, ingestTime = at.UtcDateTime, idempotencyKey = $"concur:{id}:1", mappingProfile = null,
    };
}
