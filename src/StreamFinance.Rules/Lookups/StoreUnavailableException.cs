namespace StreamFinance.Rules.Lookups;

/// <summary>
/// The master-data state store cannot be queried now: its topology is not RUNNING yet (the global table is still
/// restoring from <c>md.history</c>), is rebalancing or stopped. Retriable: the API answers 503 with <c>Retry-After</c>.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception for <paramref name="storeName"/> of <paramref name="topology"/> in <paramref name="state"/>.</summary>
    public StoreUnavailableException(string storeName, string topology, string state, Exception? inner = null)
        : base($"State store {storeName} of topology '{topology}' is not queryable (topology state {state}): it is restoring from md.history or the topology is not running; retry after restore.", inner)
    {
        StoreName = storeName;
        Topology = topology;
        State = state;
    }

    /// <summary>The store that could not be read.</summary>
    public string StoreName { get; }

    /// <summary>The topology that owns the store.</summary>
    public string Topology { get; }

    /// <summary>The topology's state when the store was asked for (CREATED, REBALANCING, ERROR, ...).</summary>
    public string State { get; }
}
