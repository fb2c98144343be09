using StreamFinance.Contracts.MasterData;
using StreamFinance.Host.Runtime;
using StreamFinance.Topologies.Validation;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Errors;
using Streamiz.Kafka.Net.State;
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
    private KafkaStream? queried;
    private IReadOnlyKeyValueStore<string, MasterDataHistory>? store;

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
        lock (gate)
        {
            // The facade stays valid for the stream's lifetime: each read checks the store is still open.
            if (ReferenceEquals(queried, stream) && store is not null)
                return store;
            try
            {
                store = stream.Store(StoreQueryParameters.FromNameAndType(StoreName, QueryableStoreTypes.KeyValueStore<string, MasterDataHistory>()));
                queried = stream;
                return store;
            }
            catch (Exception e) when (e is InvalidStateStoreException or IllegalStateException)
            {
                throw new StoreUnavailableException(StoreName, TopologyName, topology.State, e);
            }
        }
    }
}
