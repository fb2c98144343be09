using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Journals;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using Streamiz.Kafka.Net.Processors.Public;

namespace StreamFinance.Topologies.Posting;

/// <summary>
/// The audit facts of the posting topology: each expense posted in a journal (business id the expense id, related id
/// the reconciliation id), the journal itself (its own correlation id, the reconciliation id, with the journal as
/// payload), and a re-delivery ignored. Unpostable expenses are recorded where they are dead-lettered.
/// </summary>
public static class PostingAudit
{
    /// <summary>The journal and every contribution posted in it. Journals close on a timer: their origin is none, the reconciliation id tells them apart.</summary>
    public static IReadOnlyList<AuditFact> Posted(JournalEntry journal, IReadOnlyList<(ApprovedExpense Approved, PostingContribution Contribution)> posted)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(posted);
        var id = journal.reconciliationId;
        var facts = new List<AuditFact>(posted.Count + 1)
        {
            AuditFact.About(journal.envelope, AuditSteps.Posted, AuditOutcome.SUCCEEDED, id) with
            {
                Payload = journal,
                Detail = new Dictionary<string, string>
                {
                    ["legalEntityId"] = journal.legalEntityId,
                    ["currency"] = journal.currency,
                    ["expenses"] = posted.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            },
        };
        foreach (var (approved, contribution) in posted)
            facts.Add(AuditFact.About(approved.expense.envelope, AuditSteps.Posted, AuditOutcome.SUCCEEDED, contribution.ExpenseId) with
            {
                RelatedIds = [id],
                Detail = new Dictionary<string, string>
                {
                    ["reconciliationId"] = id,
                    ["legalEntityId"] = contribution.EntityId,
                    ["currency"] = contribution.Currency,
                    ["role"] = contribution.Role.ToString(),
                    ["amount"] = contribution.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            });
        return facts;
    }

    /// <summary>An approved expense the entity's journals already hold (<paramref name="state"/>: <c>open ...</c> or <c>posted JE-...</c>), ignored.</summary>
    public static AuditFact Redelivered(Record<string, ApprovedExpense> record, PostingContribution contribution, string state)
    {
        ArgumentNullException.ThrowIfNull(record);
        var position = record.TopicPartitionOffset;
        return AuditFact.About(record.Value.expense.envelope, AuditSteps.Deduplicated, AuditOutcome.DUPLICATE_IGNORED, contribution.ExpenseId) with
        {
            Reason = $"the journals of {contribution.EntityId} {contribution.Currency} already hold it ({state})",
            Origin = position?.Topic is { } topic ? DeadLetterOrigin.FromTopic(topic, position.Partition.Value, position.Offset.Value) : DeadLetterOrigin.Unknown,
        };
    }
}
