namespace StreamFinance.Domain.Journals;

/// <summary>
/// What a journal line aggregates by: its natural side, GL account, cost center, project, tax code and intercompany
/// partner. Contributions with equal keys are summed into one line.
/// </summary>
/// <param name="Side">Side the line posts to when its sum is positive (a negative sum, e.g. refunds, flips it).</param>
/// <param name="GlAccountId">GL account.</param>
/// <param name="CostCenterId">Cost center; null on balance-sheet lines.</param>
/// <param name="ProjectId">Project; null when none.</param>
/// <param name="TaxCodeId">Tax code; null on lines without tax.</param>
/// <param name="PartnerEntityId">Intercompany partner entity; null otherwise.</param>
public sealed record LineKey(PostingSide Side, string GlAccountId, string? CostCenterId, string? ProjectId, string? TaxCodeId, string? PartnerEntityId)
    : IComparable<LineKey>
{
    /// <summary>Debits first, then by account, cost center, project, tax code and partner, ordinally (nulls first): the line order of every journal.</summary>
    public int CompareTo(LineKey? other)
    {
        if (other is null)
            return 1;
        var c = Side.CompareTo(other.Side);
        if (c == 0) c = string.CompareOrdinal(GlAccountId, other.GlAccountId);
        if (c == 0) c = string.CompareOrdinal(CostCenterId, other.CostCenterId);
        if (c == 0) c = string.CompareOrdinal(ProjectId, other.ProjectId);
        if (c == 0) c = string.CompareOrdinal(TaxCodeId, other.TaxCodeId);
        if (c == 0) c = string.CompareOrdinal(PartnerEntityId, other.PartnerEntityId);
        return c;
    }
}
