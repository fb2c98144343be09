namespace StreamFinance.Connectors.Runtime;

/// <summary>A running connector: file drop, REST poll, webhook receiver or generator. The host runs each as a hosted service.</summary>
public interface IConnector
{
    /// <summary>Connector name as configured.</summary>
    string Name { get; }

    /// <summary>Live health for <c>/health/ready</c>.</summary>
    ConnectorHealth Health { get; }

    /// <summary>Runs until <paramref name="ct"/> is cancelled; one bad record or one failed attempt never ends it.</summary>
    Task RunAsync(CancellationToken ct);
}
