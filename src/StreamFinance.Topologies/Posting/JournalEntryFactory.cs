using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Journals;

namespace StreamFinance.Topologies.Posting;

/// <summary>
/// Writes a built <see cref="Journal"/> as the <c>JournalEntry</c> the ERP reads. Everything but
/// <c>envelope.ingestTime</c> (when the window was closed) follows from the journal: the event id is derived from the
/// reconciliation id, the event time is the window end, and the posting date is the window's start date (UTC).
/// </summary>
public static class JournalEntryFactory
{
    /// <summary>Source system written on every journal.</summary>
    public const string SourceSystem = "streamfinance-posting";

    /// <summary>The record of <paramref name="journal"/>, closed at <paramref name="closedAt"/>.</summary>
    public static JournalEntry Create(Journal journal, DateTimeOffset closedAt)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var key = journal.Key;
        var id = journal.ReconciliationId;
        return new JournalEntry
        {
            envelope = new Envelope
            {
                eventId = EventId(id),
                correlationId = id,
                sourceSystem = SourceSystem,
                sourceId = id,
                eventTime = key.Window.End.UtcDateTime,
                ingestTime = closedAt.UtcDateTime,
                idempotencyKey = id,
                mappingProfile = null,
            },
            reconciliationId = id,
            legalEntityId = key.EntityId,
            currency = key.Currency,
            postingDate = key.Window.Start.UtcDateTime.Date,
            fiscalYear = key.FiscalYear,
            periodNumber = key.PeriodNumber,
            windowStart = key.Window.Start.UtcDateTime,
            windowEnd = key.Window.End.UtcDateTime,
            lines = [.. journal.Lines.Select(line => Line(line, key.Currency))],
            lineCount = journal.LineCount,
            totalDebit = journal.TotalDebit.ToMoney(key.Currency),
            totalCredit = journal.TotalCredit.ToMoney(key.Currency),
        };
    }

    /// <summary>The deterministic event id of the journal with <paramref name="reconciliationId"/>.</summary>
    public static Guid EventId(string reconciliationId) => DeterministicUuid.From(reconciliationId);

    private static Contracts.Outputs.JournalLine Line(Domain.Journals.JournalLine line, string currency) => new()
    {
        lineNumber = line.LineNumber,
        glAccountId = line.GlAccountId,
        costCenterId = line.CostCenterId,
        projectId = line.ProjectId,
        taxCodeId = line.TaxCodeId,
        side = line.Side == PostingSide.Debit ? JournalSide.DEBIT : JournalSide.CREDIT,
        amount = line.Amount.ToMoney(currency),
        intercompanyPartnerEntityId = line.PartnerEntityId,
        sourceIds = [.. line.SourceIds],
    };
}
