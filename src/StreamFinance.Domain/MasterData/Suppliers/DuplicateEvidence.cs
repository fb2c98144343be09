namespace StreamFinance.Domain.MasterData.Suppliers;

/// <summary>One reason two supplier records may be the same supplier.</summary>
/// <param name="Kind">What the evidence is about.</param>
/// <param name="Description">Human sentence, e.g. <c>same tax id DE811234567</c>.</param>
/// <param name="Weight">What it added to the score (before the cap at 1).</param>
public sealed record DuplicateEvidence(DuplicateEvidenceKind Kind, string Description, double Weight);
