namespace StreamFinance.Domain.Journals;

/// <summary>What one journal covers: one entity, one currency, one posting period and one window.</summary>
/// <param name="EntityId">Legal entity posted to.</param>
/// <param name="Currency">The entity's functional currency.</param>
/// <param name="FiscalYear">Fiscal year posted into.</param>
/// <param name="PeriodNumber">Period posted into.</param>
/// <param name="Window">Posting window.</param>
/// <remarks>A window normally holds one period; when expenses of a window post into two periods (month end, back-dated
/// expenses into a still-open period) each period gets its own journal, with its own reconciliation id.</remarks>
public sealed record JournalKey(string EntityId, string Currency, int FiscalYear, int PeriodNumber, PostingWindow Window)
{
    /// <summary>The key of <paramref name="contribution"/>'s journal in <paramref name="window"/>.</summary>
    public static JournalKey Of(PostingContribution contribution, PostingWindow window)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        return new JournalKey(contribution.EntityId, contribution.Currency, contribution.FiscalYear, contribution.PeriodNumber, window);
    }

    /// <summary>The journal's deterministic reconciliation id (see <see cref="Journals.ReconciliationId"/>).</summary>
    public string ReconciliationId => Journals.ReconciliationId.For(this);
}
