using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// What the card-purchase step forwards: the side of a purchase that posts, a dead letter, or a decision that is only
/// recorded in the audit trail (a side merged, held or dropped as a re-delivery). Never serialized.
/// </summary>
public sealed class CardPurchaseOutcome
{
    private CardPurchaseOutcome(ApprovedExpense? posts, DeadLetter? deadLetter, IReadOnlyList<AuditFact> recorded)
    {
        Posts = posts;
        DeadLetter = deadLetter;
        Recorded = recorded;
    }

    /// <summary>The approved expense to write to <c>expense.approved</c>; null for a dead letter or a recorded decision.</summary>
    public ApprovedExpense? Posts { get; }

    /// <summary>The dead letter (<c>CARD_EXPENSE_CONFLICT</c>, <c>UNDOCUMENTED_CARD_CHARGE</c>); null for a posting or a recorded decision.</summary>
    public DeadLetter? DeadLetter { get; }

    /// <summary>The decisions recorded in the audit trail besides posting and dead-lettering (merged, held, released, deduplicated).</summary>
    public IReadOnlyList<AuditFact> Recorded { get; }

    /// <summary>A side that posts, with what else is recorded (e.g. the other side merged, or its release from a wait).</summary>
    public static CardPurchaseOutcome Post(ApprovedExpense approved, params IReadOnlyList<AuditFact> recorded) =>
        new(approved ?? throw new ArgumentNullException(nameof(approved)), null, recorded);

    /// <summary>A dead letter.</summary>
    public static CardPurchaseOutcome DeadLettered(DeadLetter deadLetter) => new(null, deadLetter ?? throw new ArgumentNullException(nameof(deadLetter)), []);

    /// <summary>Decisions only recorded in the audit trail.</summary>
    public static CardPurchaseOutcome RecordAll(IReadOnlyList<AuditFact> facts) => new(null, null, facts ?? throw new ArgumentNullException(nameof(facts)));

    /// <summary>A decision only recorded in the audit trail.</summary>
    public static CardPurchaseOutcome Record(AuditFact fact) => new(null, null, [fact ?? throw new ArgumentNullException(nameof(fact))]);
}
