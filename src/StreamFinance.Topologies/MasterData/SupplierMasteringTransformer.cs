using StreamFinance.Contracts.MasterData;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// The stateful supplier mastering step (Streamiz transformer over the four supplier stores): hands each supplier change to
/// <see cref="SupplierMastering"/> and forwards every golden record and candidate it produces, keyed by golden id or pair
/// id. Streamiz creates one instance per task from <see cref="SupplierMasteringStep"/>'s parameters; there is one task,
/// since the input topic has one partition.
/// </summary>
public sealed class SupplierMasteringTransformer : ITransformer<string, MasterDataUpdate, string, SupplierOutput>
{
    private readonly SupplierMasteringRules rules;
    private ProcessorContext<string, SupplierOutput>? context;
    private SupplierMastering? mastering;

    /// <summary>Streamiz's <c>Transformer&lt;T&gt;()</c> requires a parameterless constructor: the domain defaults on the system clock.</summary>
    public SupplierMasteringTransformer()
        : this(SupplierMasteringRules.Default)
    {
    }

    /// <summary>The transformer Streamiz creates per task.</summary>
    public SupplierMasteringTransformer(SupplierMasteringRules rules) => this.rules = rules;

    /// <inheritdoc />
    public void Init(ProcessorContext<string, SupplierOutput> context)
    {
        this.context = context;
        mastering = new SupplierMastering(
            new SupplierStores(
                (IKeyValueStore<string, SupplierSourceState>)context.GetStateStore(MasterDataNames.SupplierSourcesStore),
                (IKeyValueStore<string, SupplierIndexEntry>)context.GetStateStore(MasterDataNames.SupplierIndexStore),
                (IKeyValueStore<string, SupplierDuplicateCandidate>)context.GetStateStore(MasterDataNames.SupplierPairsStore),
                (IKeyValueStore<string, Supplier>)context.GetStateStore(MasterDataNames.SupplierGoldenStore)),
            rules);
    }

    /// <inheritdoc />
    public Record<string, SupplierOutput> Process(Record<string, MasterDataUpdate> record)
    {
        if (context is null || mastering is null)
            throw new InvalidOperationException($"{nameof(SupplierMasteringTransformer)} processed a record before Init.");
        foreach (var output in mastering.Apply(record.Value))
            context.Forward(output.Key, output);
        return null!; // everything was forwarded above; Streamiz forwards nothing for a null result
    }

    /// <inheritdoc />
    public void Close() => SupplierMastering.Release();
}
