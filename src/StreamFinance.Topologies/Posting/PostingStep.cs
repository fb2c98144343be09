using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;

namespace StreamFinance.Topologies.Posting;

/// <summary>
/// What the posting windows forward: a journal to write to <c>erp.journal-postings</c> with the decisions it records
/// (each expense posted in it, the journal itself), or only a decision (a re-delivery ignored). Never serialized.
/// </summary>
/// <param name="Journal">The journal to write; null when only <paramref name="Recorded"/> is forwarded.</param>
/// <param name="Recorded">The decisions recorded in the audit trail.</param>
public sealed record PostingStep(JournalEntry? Journal, IReadOnlyList<AuditFact> Recorded);
