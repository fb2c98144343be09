namespace StreamFinance.Domain.Journals;

/// <summary>One line of a built journal.</summary>
/// <param name="LineNumber">1-based position in the journal.</param>
/// <param name="Side">Debit or credit.</param>
/// <param name="GlAccountId">GL account.</param>
/// <param name="CostCenterId">Cost center; null on balance-sheet lines.</param>
/// <param name="ProjectId">Project; null when none.</param>
/// <param name="TaxCodeId">Tax code; null on lines without tax.</param>
/// <param name="PartnerEntityId">Intercompany partner; null otherwise.</param>
/// <param name="Amount">Non-negative amount at the journal currency's minor unit.</param>
/// <param name="SourceIds">Expense ids summed into the line, ordinally sorted.</param>
public sealed record JournalLine(
    int LineNumber, PostingSide Side, string GlAccountId, string? CostCenterId, string? ProjectId, string? TaxCodeId, string? PartnerEntityId,
    decimal Amount, IReadOnlyList<string> SourceIds);
