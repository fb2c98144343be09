namespace StreamFinance.Contracts.Catalog;

/// <summary>
/// Names a set of <see cref="TopicUser"/>s in one phrase: topologies one by one, the connectors as one group with the
/// profiles and generator that write (<c>connectors (profiles a, b; generator)</c>), then the commands.
/// </summary>
public static class TopicUserNames
{
    /// <summary>The phrase; empty for no users.</summary>
    public static string Of(IEnumerable<TopicUser> users)
    {
        var list = users.ToList();
        var parts = new List<string>();
        parts.AddRange(list.Where(u => u.Kind == TopicUserKind.Topology).Select(u => u.Name).Distinct(StringComparer.Ordinal));
        if (Connectors(list) is { } connectors)
            parts.Add(connectors);
        parts.AddRange(list.Where(u => u.Kind == TopicUserKind.Command).Select(u => u.Name).Distinct(StringComparer.Ordinal));
        return string.Join(", ", parts);
    }

    private static string? Connectors(List<TopicUser> users)
    {
        var profiles = users.Where(u => u.Kind == TopicUserKind.ConnectorProfile).Select(u => u.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var details = new List<string>();
        if (profiles.Count > 0)
            details.Add($"{(profiles.Count == 1 ? "profile" : "profiles")} {string.Join(", ", profiles)}");
        if (users.Any(u => u.Kind == TopicUserKind.Generator))
            details.Add("generator");
        if (details.Count > 0)
            return $"connectors ({string.Join("; ", details)})";
        return users.Any(u => u.Kind == TopicUserKind.Connectors) ? "connectors" : null;
    }
}
