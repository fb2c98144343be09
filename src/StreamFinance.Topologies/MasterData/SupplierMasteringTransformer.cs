using StreamFinance.Contracts.MasterData;
using StreamFinance.Kafka.Observability;
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
    private readonly MasterDataMetrics metrics;
    private ProcessorContext<string, SupplierOutput>? context;
    private SupplierMastering? mastering;

    /// <summary>Streamiz's <c>Transformer&lt;T&gt;()</c> requires a parameterless constructor: the domain defaults on the system clock, metrics served nowhere.</summary>
    public SupplierMasteringTransformer()
        : this(SupplierMasteringRules.Default, new MasterDataMetrics(BusinessMetrics.Detached()))
    {
    }

    /// <summary>The transformer Streamiz creates per task.</summary>
    /// <param name="rules">Duplicate detection, survivorship and the clock.</param>
    /// <param name="metrics">Holds the open duplicate candidates gauge.</param>
    public SupplierMasteringTransformer(SupplierMasteringRules rules, MasterDataMetrics metrics)
    {
        this.rules = rules;
        this.metrics = metrics;
    }

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
            rules,
            metrics);
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
    public void Close() => mastering?.Release();
}
