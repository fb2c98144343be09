using StreamFinance.Domain.Money;

namespace StreamFinance.Domain.Journals;

/// <summary>
/// Builds the balanced journal of one <see cref="JournalKey"/> from its contributions. Contributions with the same
/// <see cref="LineKey"/> are summed into one line; a line whose sum is negative (refunds outweigh charges) moves to the
/// other side with the absolute amount. Each contribution adds its amount to one debit key and one credit key, so debits
/// equal credits by construction; the builder still asserts it, and the minor unit of every amount.
/// </summary>
public static class JournalBuilder
{
    /// <summary>The journal of <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">A contribution belongs to another entity, currency or period, is not at the currency's minor unit, or an expense id appears twice.</exception>
    /// <exception cref="InvalidOperationException">The journal does not balance (a defect: it cannot happen by construction).</exception>
    public static Journal Build(JournalKey key, IEnumerable<PostingContribution> contributions)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(contributions);
        var minorUnits = CurrencyMinorUnits.Of(key.Currency);
        var sums = new SortedDictionary<LineKey, (decimal Amount, SortedSet<string> Ids)>();
        var expenseIds = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var contribution in contributions)
        {
            Check(key, contribution, minorUnits);
            if (!expenseIds.Add(contribution.ExpenseId))
                throw new ArgumentException($"Expense '{contribution.ExpenseId}' is in journal {key.ReconciliationId} twice; deduplicate before building.", nameof(contributions));
            Add(sums, contribution.Debit, contribution.Amount, contribution.ExpenseId);
            Add(sums, contribution.Credit, contribution.Amount, contribution.ExpenseId);
        }

        var lines = sums
            .Select(entry => (Key: entry.Key with { Side = entry.Value.Amount < 0 ? Flip(entry.Key.Side) : entry.Key.Side }, Amount: Math.Abs(entry.Value.Amount), entry.Value.Ids))
            .OrderBy(line => line.Key)
            .Select((line, index) => new JournalLine(
                index + 1, line.Key.Side, line.Key.GlAccountId, line.Key.CostCenterId, line.Key.ProjectId, line.Key.TaxCodeId, line.Key.PartnerEntityId,
                line.Amount, [.. line.Ids]))
            .ToList();
        var totalDebit = lines.Where(l => l.Side == PostingSide.Debit).Sum(l => l.Amount);
        var totalCredit = lines.Where(l => l.Side == PostingSide.Credit).Sum(l => l.Amount);
        if (totalDebit != totalCredit)
            throw new InvalidOperationException($"Journal {key.ReconciliationId} does not balance: debits {totalDebit} {key.Currency}, credits {totalCredit} {key.Currency}. This is a defect in {nameof(JournalBuilder)}; nothing was posted.");
        return new Journal(key, key.ReconciliationId, lines, totalDebit, totalCredit, [.. expenseIds]);
    }

    private static void Check(JournalKey key, PostingContribution contribution, int minorUnits)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        if (contribution.EntityId != key.EntityId || contribution.Currency != key.Currency
            || contribution.FiscalYear != key.FiscalYear || contribution.PeriodNumber != key.PeriodNumber)
        {
            throw new ArgumentException(
                $"Expense '{contribution.ExpenseId}' posts to {contribution.EntityId} {contribution.Currency} {contribution.FiscalYear}/{contribution.PeriodNumber}, not to journal {key.ReconciliationId} ({key.EntityId} {key.Currency} {key.FiscalYear}/{key.PeriodNumber}).",
                nameof(contribution));
        }
        if (Math.Round(contribution.Amount, minorUnits) != contribution.Amount)
            throw new ArgumentException($"Expense '{contribution.ExpenseId}' amount {contribution.Amount} {key.Currency} is not at the currency's minor unit ({minorUnits} decimals).", nameof(contribution));
    }

    private static void Add(SortedDictionary<LineKey, (decimal Amount, SortedSet<string> Ids)> sums, LineKey key, decimal amount, string expenseId)
    {
        if (!sums.TryGetValue(key, out var sum))
            sum = (0m, new SortedSet<string>(StringComparer.Ordinal));
        sum.Ids.Add(expenseId);
        sums[key] = (sum.Amount + amount, sum.Ids);
    }

    private static PostingSide Flip(PostingSide side) => side == PostingSide.Debit ? PostingSide.Credit : PostingSide.Debit;
}
