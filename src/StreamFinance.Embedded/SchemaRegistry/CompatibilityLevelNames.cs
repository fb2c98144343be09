using Confluent.SchemaRegistry;

namespace StreamFinance.Embedded.SchemaRegistry;

/// <summary>
/// Maps Confluent's <see cref="Compatibility"/> levels to and from their wire names
/// (<c>BACKWARD</c>, <c>FULL_TRANSITIVE</c>, ...).
/// </summary>
public static class CompatibilityLevelNames
{
    private static readonly Dictionary<string, Compatibility> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NONE"] = Compatibility.None,
        ["BACKWARD"] = Compatibility.Backward,
        ["BACKWARD_TRANSITIVE"] = Compatibility.BackwardTransitive,
        ["FORWARD"] = Compatibility.Forward,
        ["FORWARD_TRANSITIVE"] = Compatibility.ForwardTransitive,
        ["FULL"] = Compatibility.Full,
        ["FULL_TRANSITIVE"] = Compatibility.FullTransitive,
    };

    /// <summary>All wire names, in Confluent's documentation order.</summary>
    public static IReadOnlyList<string> All { get; } = ByName.Keys.ToArray();

    /// <summary>The wire name of a level, for example <c>BACKWARD_TRANSITIVE</c>.</summary>
    public static string ToWireName(Compatibility level) =>
        ByName.First(pair => pair.Value == level).Key;

    /// <summary>Parses a wire name case-insensitively; returns false for anything else.</summary>
    public static bool TryParse(string? name, out Compatibility level)
    {
        level = default;
        return name is not null && ByName.TryGetValue(name.Trim(), out level);
    }
}
