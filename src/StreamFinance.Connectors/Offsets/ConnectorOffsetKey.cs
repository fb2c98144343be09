namespace StreamFinance.Connectors.Offsets;

/// <summary>The key of a connector offset: <c>&lt;connector&gt;/&lt;source&gt;</c>, e.g. <c>concur-files/expenses-2026-11-26.csv</c>.</summary>
public static class ConnectorOffsetKey
{
    /// <summary>The key of <paramref name="source"/> of <paramref name="connector"/>.</summary>
    public static string For(string connector, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connector);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (connector.Contains('/', StringComparison.Ordinal))
            throw new ArgumentException($"Connector name '{connector}' contains '/', which separates connector and source in offset keys; rename the connector.", nameof(connector));
        return $"{connector}/{source}";
    }
}
