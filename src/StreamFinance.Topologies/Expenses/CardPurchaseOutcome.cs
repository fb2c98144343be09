using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Topologies.Expenses;

/// <summary>What the card-purchase step forwards: the side of a purchase that posts, or a dead letter. Never serialized.</summary>
public sealed class CardPurchaseOutcome
{
    private CardPurchaseOutcome(ApprovedExpense? posts, DeadLetter? deadLetter)
    {
        Posts = posts;
        DeadLetter = deadLetter;
    }

    /// <summary>The approved expense to write to <c>expense.approved</c>; null for a dead letter.</summary>
    public ApprovedExpense? Posts { get; }

    /// <summary>The dead letter (<c>CARD_EXPENSE_CONFLICT</c>, <c>UNDOCUMENTED_CARD_CHARGE</c>); null for a posting.</summary>
    public DeadLetter? DeadLetter { get; }

    /// <summary>A side that posts.</summary>
    public static CardPurchaseOutcome Post(ApprovedExpense approved) => new(approved ?? throw new ArgumentNullException(nameof(approved)), null);

    /// <summary>A dead letter.</summary>
    public static CardPurchaseOutcome DeadLettered(DeadLetter deadLetter) => new(null, deadLetter ?? throw new ArgumentNullException(nameof(deadLetter)));
}
