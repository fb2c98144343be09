namespace StreamFinance.Domain.MasterData.Suppliers;

/// <summary>
/// A candidate duplicate pair for <c>md.supplier-duplicates</c>. <see cref="First"/> orders before <see cref="Second"/>,
/// so the same two records always give the same pair, whichever of them changed.
/// </summary>
/// <param name="PairId">Deterministic id, <c>{First}|{Second}</c>, e.g. <c>coupa:77|sap-s4:SUP-000123</c>.</param>
/// <param name="First">The lower source reference.</param>
/// <param name="Second">The higher source reference.</param>
/// <param name="Score">Sum of the evidence weights, capped at 1, rounded to 4 places.</param>
/// <param name="Evidence">Why, in a fixed order: tax id, bank account, name, country.</param>
public sealed record SupplierDuplicatePair(string PairId, SourceReference First, SourceReference Second, double Score, IReadOnlyList<DuplicateEvidence> Evidence);
