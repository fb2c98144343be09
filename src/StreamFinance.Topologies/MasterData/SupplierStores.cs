using StreamFinance.Contracts.MasterData;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.MasterData;

/// <summary>The four state stores of the supplier mastering step (see <see cref="MasterDataNames"/> for keys and values).</summary>
/// <param name="Sources">Supplier objects by business key.</param>
/// <param name="Index">Blocking index.</param>
/// <param name="Pairs">Candidate pairs last published, by pair id.</param>
/// <param name="Golden">Golden records last published, by golden id.</param>
public sealed record SupplierStores(
    IKeyValueStore<string, SupplierSourceState> Sources,
    IKeyValueStore<string, SupplierIndexEntry> Index,
    IKeyValueStore<string, SupplierDuplicateCandidate> Pairs,
    IKeyValueStore<string, Supplier> Golden);
