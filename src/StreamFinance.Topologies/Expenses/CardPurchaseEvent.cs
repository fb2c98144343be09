using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// What the card-purchase step receives, keyed by card transaction id (without provider): an uncoded card charge (as
/// the dead letter it becomes if it stays undocumented, which keeps its raw bytes and origin for a replay), or an
/// approved expense that names a card purchase: an expense-report line, or a coded card transaction made a line
/// (<c>expense.codedCardTransaction</c>). Never serialized: both kinds are built in the step's own sub-topology.
/// </summary>
public sealed class CardPurchaseEvent
{
    private CardPurchaseEvent(DeadLetter? charge, ApprovedExpense? approved)
    {
        Charge = charge;
        Approved = approved;
    }

    /// <summary>The uncoded card charge, as its would-be dead letter; null for an approval.</summary>
    public DeadLetter? Charge { get; }

    /// <summary>The approved report line or coded card transaction; null for a charge.</summary>
    public ApprovedExpense? Approved { get; }

    /// <summary>An uncoded card charge.</summary>
    public static CardPurchaseEvent ForCharge(DeadLetter heldAs) => new(heldAs ?? throw new ArgumentNullException(nameof(heldAs)), null);

    /// <summary>An approved expense naming a card purchase.</summary>
    public static CardPurchaseEvent ForApproval(ApprovedExpense approved) => new(null, approved ?? throw new ArgumentNullException(nameof(approved)));
}
