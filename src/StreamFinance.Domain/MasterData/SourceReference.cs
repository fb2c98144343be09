namespace StreamFinance.Domain.MasterData;

/// <summary>
/// Where a source system knows a master-data object under its own id, e.g. <c>coupa</c> / <c>SUP-77</c>.
/// Ordered by source system, then source id (ordinal), which makes pair ids and golden ids deterministic.
/// Source system names are compared exactly as given: the topology passes them through from the envelope.
/// </summary>
/// <param name="SourceSystem">Source system, e.g. <c>sap-s4</c>.</param>
/// <param name="SourceId">The object's id in that source system.</param>
public sealed record SourceReference(string SourceSystem, string SourceId) : IComparable<SourceReference>
{
    /// <summary>The source system.</summary>
    public string SourceSystem { get; } = Required(SourceSystem, nameof(SourceSystem));

    /// <summary>The id in the source system.</summary>
    public string SourceId { get; } = Required(SourceId, nameof(SourceId));

    /// <inheritdoc />
    public int CompareTo(SourceReference? other)
    {
        if (other is null)
            return 1;
        var bySystem = string.CompareOrdinal(SourceSystem, other.SourceSystem);
        return bySystem != 0 ? bySystem : string.CompareOrdinal(SourceId, other.SourceId);
    }

    /// <summary><c>sourceSystem:sourceId</c>, e.g. <c>coupa:SUP-77</c>.</summary>
    public override string ToString() => $"{SourceSystem}:{SourceId}";

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"A source reference needs a non-blank {name}.", name)
            : value;
}
