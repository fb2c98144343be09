namespace StreamFinance.Kafka.Hosting.Health;

/// <summary>
/// What one running stream's Kafka clients tell about their health: whether they reach a broker, and how many records
/// wait on the partitions they are assigned. Filled by the stream's <see cref="Clients.StreamFinanceKafkaSupplier"/>.
/// </summary>
public sealed class StreamClientHealth(TimeProvider time, TimeSpan reportFreshness) : IDisposable
{
    /// <summary>Outages reported by the clients.</summary>
    public BrokerReachability Brokers { get; } = new(time, reportFreshness);

    /// <summary>The stream threads' input backlog.</summary>
    public InputBacklog Backlog { get; } = new();

    /// <summary>Closes the backlog's probe.</summary>
    public void Dispose() => Backlog.Dispose();
}
