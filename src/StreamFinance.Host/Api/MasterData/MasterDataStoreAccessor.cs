using StreamFinance.Kafka.State;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Host.Runtime;
using StreamFinance.Topologies.Validation;
using Streamiz.Kafka.Net.State;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Host.Api.MasterData;

/// <summary>
/// The <see cref="ValidationTopology.StoreName"/> store of the running validation topology, through Streamiz interactive
/// queries (<see cref="QueriedStore{TValue}"/>): handed out only while the topology is RUNNING (the global table
/// restored); otherwise it throws <see cref="StoreUnavailableException"/>.
/// </summary>
public sealed class MasterDataStoreAccessor
{
    private readonly QueriedStore<MasterDataHistory> store;

    /// <summary>Reads the store of <paramref name="topology"/>, a running validation topology.</summary>
    public MasterDataStoreAccessor(TopologyService topology)
        : this(() => topology)
    {
    }

    /// <summary>Reads the store of the validation topology <paramref name="topology"/> finds, asked once at the first read.</summary>
    public MasterDataStoreAccessor(Func<TopologyService> topology) =>
        store = new QueriedStore<MasterDataHistory>(topology, ValidationTopology.StoreName, ValidationTopology.TopologyName);

    /// <summary>Name of the store it reads.</summary>
    public string StoreName => store.StoreName;

    /// <summary>The topology whose store it reads.</summary>
    public string TopologyName => store.TopologyName;

    /// <summary>
    /// Advanced after every write to the store, for caches of what was read (see <see cref="StoreWriteSignal"/>); null
    /// when the topology is not a <see cref="ValidationTopology"/>, and then nothing may be cached.
    /// </summary>
    public StoreWriteSignal? Writes => (store.Service.Topology as ValidationTopology)?.StoreWrites;

    /// <summary>Whether the store can be queried now.</summary>
    public bool IsAvailable => store.IsAvailable;

    /// <summary>The queryable store.</summary>
    /// <exception cref="StoreUnavailableException">The topology is not RUNNING or Streamiz cannot hand out the store.</exception>
    public IReadOnlyKeyValueStore<string, MasterDataHistory> Store() => store.Store();
}
