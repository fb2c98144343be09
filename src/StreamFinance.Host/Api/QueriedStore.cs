using StreamFinance.Host.Runtime;
using StreamFinance.Rules.Lookups;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Errors;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Host.Api;

/// <summary>
/// One key-value store of a running topology, through Streamiz interactive queries (over every task of this
/// instance). Hands the store out only while the topology is RUNNING (its stores restored); otherwise, or when Streamiz
/// refuses (<see cref="InvalidStateStoreException"/>), it throws <see cref="StoreUnavailableException"/>, which the API
/// answers with 503 and <c>Retry-After</c>.
/// </summary>
/// <typeparam name="TValue">The store's value type; keys are strings.</typeparam>
public sealed class QueriedStore<TValue>
{
    private static readonly string Running = KafkaStream.State.RUNNING.Name;
    private readonly object gate = new();
    private readonly Lazy<TopologyService> service;
    private volatile Handed? handed;

    /// <summary>Reads store <paramref name="storeName"/> of the topology <paramref name="topology"/> finds, asked once at the first read.</summary>
    public QueriedStore(Func<TopologyService> topology, string storeName, string topologyName)
    {
        service = new Lazy<TopologyService>(topology);
        StoreName = storeName;
        TopologyName = topologyName;
    }

    /// <summary>Name of the store it reads.</summary>
    public string StoreName { get; }

    /// <summary>The topology whose store it reads.</summary>
    public string TopologyName { get; }

    /// <summary>The topology's hosted service.</summary>
    public TopologyService Service => service.Value;

    /// <summary>Whether the store can be queried now.</summary>
    public bool IsAvailable => service.Value.Stream is not null && service.Value.State == Running;

    /// <summary>The queryable store.</summary>
    /// <exception cref="StoreUnavailableException">The topology is not RUNNING or Streamiz cannot hand out the store.</exception>
    public IReadOnlyKeyValueStore<string, TValue> Store()
    {
        var topology = service.Value;
        var stream = topology.Stream;
        var state = topology.State;
        if (stream is null || state != Running)
            throw new StoreUnavailableException(StoreName, TopologyName, stream is null ? $"{state}, stream not started" : state);
        // The facade stays valid for the stream's lifetime (each read checks the store is still open), so the common
        // case takes no lock.
        if (handed is { } current && ReferenceEquals(current.Stream, stream))
            return current.Store;
        lock (gate)
        {
            if (handed is { } raced && ReferenceEquals(raced.Stream, stream))
                return raced.Store;
            try
            {
                var store = stream.Store(StoreQueryParameters.FromNameAndType(StoreName, QueryableStoreTypes.KeyValueStore<string, TValue>()));
                handed = new Handed(stream, store);
                return store;
            }
            catch (Exception e) when (e is InvalidStateStoreException or IllegalStateException)
            {
                throw new StoreUnavailableException(StoreName, TopologyName, topology.State, e);
            }
        }
    }

    private sealed record Handed(KafkaStream Stream, IReadOnlyKeyValueStore<string, TValue> Store);
}
