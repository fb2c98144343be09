using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;

namespace StreamFinance.TestSupport.Erp;

/// <summary>Canonical records of the <c>erp.*</c> topics as the topologies write them, for ERP sink tests.</summary>
public static class ErpPostingSamples
{
    /// <summary>A balanced journal of <paramref name="entity"/> in <paramref name="currency"/>: a debit of 123.45 on GL 6100 (cost center CC-1000) and the credit on GL 2100.</summary>
    public static JournalEntry Journal(string reconciliationId, string entity = "US01", string currency = "USD", decimal amount = 123.45m)
    {
        var start = new DateTime(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc);
        var total = amount.ToMoney(currency);
        return new JournalEntry
        {
            envelope = Envelope(reconciliationId, "streamfinance-posting"),
            reconciliationId = reconciliationId,
            legalEntityId = entity,
            currency = currency,
            postingDate = new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc),
            fiscalYear = 2026,
            periodNumber = 11,
            windowStart = start,
            windowEnd = start.AddHours(1),
            lines =
            [
                new JournalLine { lineNumber = 1, glAccountId = "6100", costCenterId = "CC-1000", side = JournalSide.DEBIT, amount = amount.ToMoney(currency), sourceIds = ["EXP-1", "EXP-2"] },
                new JournalLine { lineNumber = 2, glAccountId = "2100", side = JournalSide.CREDIT, amount = amount.ToMoney(currency), sourceIds = ["EXP-1", "EXP-2"] },
            ],
            lineCount = 2,
            totalDebit = total,
            totalCredit = amount.ToMoney(currency),
        };
    }

    /// <summary>An AP invoice of supplier SUP-1001 against PO-4711, one line of 2 x 250.00 EUR plus 95.00 tax.</summary>
    public static ApInvoicePosting ApInvoice(string postingId, string entity = "DE01")
    {
        return new ApInvoicePosting
        {
            envelope = Envelope(postingId, "streamfinance-match"),
            postingId = postingId,
            invoiceNumber = "INV-2026-0042",
            supplierId = "SUP-1001",
            legalEntityId = entity,
            poNumber = "PO-4711",
            matchId = "MATCH-1",
            invoiceDate = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc),
            dueDate = new DateTime(2026, 12, 20, 0, 0, 0, DateTimeKind.Utc),
            postingPeriodId = "DE01-2026-11",
            lines =
            [
                new SupplierInvoiceLine
                {
                    lineNumber = 1, poLineNumber = 10, description = "Laptop stands", quantity = AvroDecimals.ToAvro(2m, 4),
                    unitPrice = 250m.ToMoney("EUR"), lineAmount = 500m.ToMoney("EUR"), taxCodeId = "V19",
                },
            ],
            tax = 95m.ToMoney("EUR"),
            total = 595m.ToMoney("EUR"),
        };
    }

    private static Envelope Envelope(string id, string sourceSystem) => new()
    {
        eventId = DeterministicUuid.From($"sample/{id}"),
        correlationId = $"corr-{id}",
        sourceSystem = sourceSystem,
        sourceId = id,
        eventTime = new DateTime(2026, 11, 26, 11, 0, 0, DateTimeKind.Utc),
        ingestTime = new DateTime(2026, 11, 26, 11, 0, 1, DateTimeKind.Utc),
        idempotencyKey = id,
    };
}
