namespace StreamFinance.Domain.Expenses;

/// <summary>
/// Identity of one card purchase: the card provider (the card transaction's source system, lower case, e.g.
/// <c>ramp</c>) and the provider's transaction id. An expense line names it in <c>cardTransactionId</c> as
/// <c>provider:transactionId</c> (<c>ramp:7f3c…</c>); a bare id without a provider (<c>T-1</c>, as lines named card
/// charges before providers were named) still works and matches the card transaction of that id from any provider.
/// </summary>
/// <remarks>
/// Both sides meet by <see cref="TransactionId"/> (<c>ingest.card-transactions</c> is keyed by it), so transaction ids are
/// taken as unique across providers within the dedupe horizon; a line naming another provider than the card
/// transaction of that id came from is a <c>CARD_EXPENSE_CONFLICT</c>, never a silent match.
/// </remarks>
/// <param name="Provider">The card provider in lower case; null when the line named a bare id.</param>
/// <param name="TransactionId">The provider's transaction id.</param>
public sealed record CardPurchaseId(string? Provider, string TransactionId)
{
    /// <summary>The purchase of card transaction <paramref name="transactionId"/> from <paramref name="sourceSystem"/>.</summary>
    public static CardPurchaseId Of(string sourceSystem, string transactionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceSystem);
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionId);
        return new(sourceSystem.Trim().ToLowerInvariant(), transactionId);
    }

    /// <summary>
    /// Reads an expense line's <c>cardTransactionId</c>: <c>provider:transactionId</c> when the part before the first
    /// colon is a provider name (letters, digits, <c>-</c>, <c>_</c>), else a bare transaction id.
    /// </summary>
    public static CardPurchaseId Parse(string cardTransactionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cardTransactionId);
        var colon = cardTransactionId.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < cardTransactionId.Length - 1 && cardTransactionId[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return new(cardTransactionId[..colon].ToLowerInvariant(), cardTransactionId[(colon + 1)..]);
        return new(null, cardTransactionId);
    }

    /// <summary>Whether <paramref name="other"/> may name the same purchase: same transaction id, and the same provider unless one is unknown.</summary>
    public bool Matches(CardPurchaseId other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return TransactionId == other.TransactionId && (Provider is null || other.Provider is null || Provider == other.Provider);
    }

    /// <summary><c>provider:transactionId</c>, or the bare id when the provider is unknown.</summary>
    public override string ToString() => Provider is null ? TransactionId : $"{Provider}:{TransactionId}";
}
