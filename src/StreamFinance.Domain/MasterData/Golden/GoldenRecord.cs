namespace StreamFinance.Domain.MasterData.Golden;

/// <summary>
/// The surviving record of one real-world object, merged from every source record of it by <see cref="Survivorship"/>.
/// </summary>
/// <param name="GoldenId">Deterministic id (see <see cref="Survivorship.GoldenIdOf"/>).</param>
/// <param name="Fields">Every field any source knows, ordinal order, with the surviving value (null when no source has one).</param>
/// <param name="Lineage">For each field with a value, the source record it came from.</param>
/// <param name="SourceReferences">Cross-references to every source record merged, in ordinal order.</param>
public sealed record GoldenRecord(
    string GoldenId,
    IReadOnlyDictionary<string, string?> Fields,
    IReadOnlyDictionary<string, SourceReference> Lineage,
    IReadOnlyList<SourceReference> SourceReferences);
