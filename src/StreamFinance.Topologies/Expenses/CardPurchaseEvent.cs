using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// What the card-pairing step receives, keyed by card transaction id: a card charge (as the dead letter it becomes if it
/// stays undocumented, which keeps its raw bytes and origin for a replay) or the notice that an approved expense line
/// documents it. Never serialized: both kinds are built in the pairing step's own sub-topology.
/// </summary>
public sealed class CardPairingEvent
{
    private CardPairingEvent(DeadLetter? charge, string? documentingExpenseId)
    {
        Charge = charge;
        DocumentingExpenseId = documentingExpenseId;
    }

    /// <summary>The card charge, as its would-be dead letter; null for a documentation notice.</summary>
    public DeadLetter? Charge { get; }

    /// <summary>Expense id of the approved line that documents the charge; null for a charge.</summary>
    public string? DocumentingExpenseId { get; }

    /// <summary>A card charge.</summary>
    public static CardPairingEvent ForCharge(DeadLetter heldAs) => new(heldAs ?? throw new ArgumentNullException(nameof(heldAs)), null);

    /// <summary>A documentation notice.</summary>
    public static CardPairingEvent Documented(string expenseId) => new(null, expenseId ?? throw new ArgumentNullException(nameof(expenseId)));
}
