namespace StreamFinance.Domain.Journals;

/// <summary>A balanced journal for one <see cref="JournalKey"/>, with its control totals.</summary>
/// <param name="Key">Entity, currency, period and window.</param>
/// <param name="ReconciliationId">Deterministic posting id (<see cref="Journals.ReconciliationId"/>).</param>
/// <param name="Lines">Lines in their deterministic order (debits first, then by account, cost center, project, tax code, partner).</param>
/// <param name="TotalDebit">Control total: sum of debit lines.</param>
/// <param name="TotalCredit">Control total: sum of credit lines; always equals <paramref name="TotalDebit"/>.</param>
/// <param name="ExpenseIds">Every expense id in the journal, ordinally sorted.</param>
public sealed record Journal(
    JournalKey Key, string ReconciliationId, IReadOnlyList<JournalLine> Lines, decimal TotalDebit, decimal TotalCredit, IReadOnlyList<string> ExpenseIds)
{
    /// <summary>Control total: number of lines.</summary>
    public int LineCount => Lines.Count;
}
