using StreamFinance.Kafka.State;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Host.Runtime;
using StreamFinance.Topologies.Validation;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Errors;
using Streamiz.Kafka.Net.State;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.MasterData;

/// <summary>
/// The <see cref="ValidationTopology.StoreName"/> store of the running validation topology, through Streamiz interactive
/// queries. Hands the store out only while the topology is RUNNING (the global table restored); otherwise, or when
/// Streamiz refuses (<see cref="InvalidStateStoreException"/>), it throws <see cref="StoreUnavailableException"/>.
/// </summary>
public sealed class MasterDataStoreAccessor
{
    private static readonly string Running = KafkaStream.State.RUNNING.Name;
    private readonly object gate = new();
    private readonly Lazy<TopologyService> service;
    private volatile QueriedStore? queried;

    /// <summary>Reads the store of <paramref name="topology"/>, a running validation topology.</summary>
    public MasterDataStoreAccessor(TopologyService topology)
        : this(() => topology)
    {
    }

    /// <summary>Reads the store of the validation topology <paramref name="topology"/> finds, asked once at the first read.</summary>
    public MasterDataStoreAccessor(Func<TopologyService> topology) => service = new Lazy<TopologyService>(topology);

    /// <summary>Name of the store it reads.</summary>
    public string StoreName => ValidationTopology.StoreName;

    /// <summary>The topology whose store it reads.</summary>
    public string TopologyName => ValidationTopology.TopologyName;

    /// <summary>
    /// Advanced after every write to the store, for caches of what was read (see <see cref="StoreWriteSignal"/>); null
    /// when the topology is not a <see cref="ValidationTopology"/>, and then nothing may be cached.
    /// </summary>
    public StoreWriteSignal? Writes => (service.Value.Topology as ValidationTopology)?.StoreWrites;

    /// <summary>Whether the store can be queried now.</summary>
    public bool IsAvailable => service.Value.Stream is not null && service.Value.State == Running;

    /// <summary>The queryable store.</summary>
    /// <exception cref="StoreUnavailableException">The topology is not RUNNING or Streamiz cannot hand out the store.</exception>
    public IReadOnlyKeyValueStore<string, MasterDataHistory> Store()
    {
        var topology = service.Value;
        var stream = topology.Stream;
        var state = topology.State;
        if (stream is null || state != Running)
            throw new StoreUnavailableException(StoreName, TopologyName, stream is null ? $"{state}, stream not started" : state);
        // The facade stays valid for the stream's lifetime (each read checks the store is still open), so the common
        // case takes no lock.
        if (queried is { } current && ReferenceEquals(current.Stream, stream))
            return current.Store;
        lock (gate)
        {
            if (queried is { } raced && ReferenceEquals(raced.Stream, stream))
                return raced.Store;
            try
            {
                var store = stream.Store(StoreQueryParameters.FromNameAndType(StoreName, QueryableStoreTypes.KeyValueStore<string, MasterDataHistory>()));
                queried = new QueriedStore(stream, store);
                return store;
            }
            catch (Exception e) when (e is InvalidStateStoreException or IllegalStateException)
            {
                throw new StoreUnavailableException(StoreName, TopologyName, topology.State, e);
            }
        }
    }

    private sealed record QueriedStore(KafkaStream Stream, IReadOnlyKeyValueStore<string, MasterDataHistory> Store);
}
