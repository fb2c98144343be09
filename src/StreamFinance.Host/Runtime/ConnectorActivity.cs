using System.Globalization;
using StreamFinance.Connectors.Runtime;

namespace StreamFinance.Host.Runtime;

/// <summary>One connector's state and record counts in a line, for the live view, e.g. <c>up, 12 produced, 1 dead-lettered</c>.</summary>
public static class ConnectorActivity
{
    /// <summary>The line for <paramref name="connector"/>, from its health and its records in <paramref name="metrics"/>.</summary>
    public static string Describe(IConnector connector, ConnectorMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(metrics);
        var produced = metrics.RecordsOf(connector.Name, ConnectorMetrics.Produced);
        var deadLettered = metrics.RecordsOf(connector.Name, ConnectorMetrics.DeadLettered);
        return string.Create(CultureInfo.InvariantCulture,
            $"{(connector.Health.IsUp ? "up" : "down")}, {produced:N0} produced, {deadLettered:N0} dead-lettered");
    }
}
