using Avro.Specific;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;

namespace StreamFinance.Connectors.ErpSink;

/// <summary>
/// What a confirmation repeats of the posting it answers, so that status and daily reconciliation need no join: the
/// correlation id, the legal entity, the control amount and the business day, per canonical type of the <c>erp.*</c> topics.
/// </summary>
/// <param name="CorrelationId">The posting's correlation id (its envelope's), which the confirmation carries on.</param>
/// <param name="LegalEntityId">The legal entity, when the posting has one.</param>
/// <param name="Amount">Journal total debit, AP invoice total, commitment total; null for vendor requests.</param>
/// <param name="BusinessDate">Posting date, invoice date or approval day (UTC).</param>
public sealed record ErpPostingFacts(string CorrelationId, string? LegalEntityId, Money? Amount, DateTime? BusinessDate)
{
    /// <summary>The facts of <paramref name="record"/>; <paramref name="postingId"/> stands in for a missing correlation id.</summary>
    public static ErpPostingFacts Of(ISpecificRecord record, string postingId)
    {
        ArgumentNullException.ThrowIfNull(record);
        var correlation = EnvelopeAccess.Of(record)?.correlationId is { Length: > 0 } c ? c : postingId;
        return record switch
        {
            JournalEntry j => new(correlation, j.legalEntityId, j.totalDebit, j.postingDate),
            ApInvoicePosting a => new(correlation, a.legalEntityId, a.total, a.invoiceDate),
            Commitment m => new(correlation, m.legalEntityId, m.total, m.approvedAt.ToUniversalTime().Date),
            VendorRequest v => new(correlation, v.legalEntityId, null, v.requestedAt.ToUniversalTime().Date),
            _ => new(correlation, null, null, null),
        };
    }
}
