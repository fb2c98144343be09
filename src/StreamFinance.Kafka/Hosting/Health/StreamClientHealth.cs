using Confluent.Kafka;
using StreamFinance.Kafka.Observability.Kafka;

namespace StreamFinance.Kafka.Hosting.Health;

/// <summary>
/// What one running stream's Kafka clients tell about their health: whether they reach the brokers, how many records
/// wait on the partitions they are assigned, and (given <paramref name="clientMetrics"/>) their librdkafka statistics as
/// Kafka client metrics. Filled by the stream's <see cref="Clients.StreamFinanceKafkaSupplier"/>.
/// </summary>
/// <param name="time">The clock of the reports.</param>
/// <param name="reportFreshness">How long a client's report counts.</param>
/// <param name="clientMetrics">Where every client's statistics are published; their series are removed when this is disposed. Null: nowhere.</param>
public sealed class StreamClientHealth(TimeProvider time, TimeSpan reportFreshness, KafkaClientMetrics? clientMetrics = null) : IDisposable
{
    private readonly HashSet<string> published = new(StringComparer.Ordinal);

    /// <summary>Outages reported by the clients.</summary>
    public BrokerReachability Brokers { get; } = new(time, reportFreshness);

    /// <summary>The stream threads' input backlog.</summary>
    public InputBacklog Backlog { get; } = new();

    /// <summary>A client's error callback.</summary>
    public void OnError(string client, Error error) => Brokers.OnError(client, error);

    /// <summary>A client's statistics callback: reachability, and the client's metrics.</summary>
    public void OnStatistics(string client, string json)
    {
        Brokers.OnStatistics(client, json);
        if (clientMetrics is null || !LibrdKafkaStatistics.TryParse(json, out var snapshot))
            return;
        lock (published)
            published.Add(snapshot.Client);
        clientMetrics.Apply(snapshot);
    }

    /// <summary>A transient fetch error a consumer reported and the stream went on after (see <see cref="Clients.DelegatingConsumer"/>).</summary>
    public void OnTransientFetchError(string client, Error error)
    {
        if (clientMetrics is null)
            return;
        lock (published)
            published.Add(client);
        clientMetrics.CountTransientFetchError(client, error.Code);
    }

    /// <summary>Closes the backlog's probe and removes the clients' metric series.</summary>
    public void Dispose()
    {
        Backlog.Dispose();
        if (clientMetrics is null)
            return;
        lock (published)
        {
            foreach (var client in published)
                clientMetrics.Forget(client);
            published.Clear();
        }
    }
}
