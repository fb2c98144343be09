using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Expenses;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// A spend-platform card transaction that carries its own coding, read as the expense line it amounts to, so that the
/// same rules judge it as any line of an expense report (<see cref="ExpenseEvaluator"/>): one rule, one place.
/// </summary>
public static class CodedCardSpend
{
    /// <summary>
    /// Whether <paramref name="card"/> is fully coded: it names a cost center and a category and says whether a receipt
    /// is held. A card transaction with less (a bare card feed, or a purchase its holder has not coded yet) waits for
    /// the expense line that documents it.
    /// </summary>
    public static bool IsCoded(CardTransaction card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return !string.IsNullOrWhiteSpace(card.costCenterId) && !string.IsNullOrWhiteSpace(card.category) && card.receiptAttached is not null;
    }

    /// <summary>
    /// The expense line of a fully coded card transaction: same envelope (so dedupe, correlation and lineage are the
    /// card's), <c>expenseId</c> and <c>cardTransactionId</c> <c>provider:transactionId</c>, no report, the card's
    /// amount, date, employee and coding, <c>codedCardTransaction</c> true.
    /// </summary>
    /// <exception cref="ArgumentException">The card transaction is not fully coded (<see cref="IsCoded"/>).</exception>
    public static ExpenseLine AsExpenseLine(CardTransaction card)
    {
        if (!IsCoded(card))
            throw new ArgumentException($"Card transaction {card.transactionId} is not fully coded (costCenterId, category and receiptAttached) and cannot be read as an expense line.", nameof(card));
        var purchase = CardPurchaseId.Of(card.envelope.sourceSystem, card.transactionId).ToString();
        return new ExpenseLine
        {
            envelope = card.envelope,
            reportId = "",
            expenseId = purchase,
            employeeId = card.employeeId,
            merchant = card.merchant,
            category = card.category,
            transactionDate = card.transactionDate,
            amount = card.amount,
            receiptAttached = card.receiptAttached!.Value,
            cardTransactionId = purchase,
            costCenterId = card.costCenterId,
            projectId = string.IsNullOrWhiteSpace(card.projectId) ? null : card.projectId,
            description = card.memo ?? "",
            codedCardTransaction = true,
        };
    }
}
