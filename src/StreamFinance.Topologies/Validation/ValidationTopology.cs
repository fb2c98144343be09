using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Kafka.State;
using Streamiz.Kafka.Net;
using StreamFinance.Kafka;

namespace StreamFinance.Topologies.Validation;

/// <summary>
/// The state behind the real-time validation API: <c>md.history</c> materialised as a GlobalKTable into the RocksDB
/// store <see cref="StoreName"/>. A global table gives every instance the whole of the master data, so any instance can
/// answer any request from its own store (interactive queries), never with a Kafka round trip per request. It has no
/// stream thread and no internal topic: the compacted source topic is its changelog, and the instance is RUNNING once
/// the global thread has restored the store.
/// </summary>
public sealed class ValidationTopology : IStreamTopology
{
    /// <summary>The topology's name (<see cref="Name"/>).</summary>
    public const string TopologyName = "validation";

    /// <summary>Name of the queryable store; keys are <c>OBJECT_TYPE:businessKey</c>, values every version of that object.</summary>
    public const string StoreName = "validation.md-history";

    /// <summary>Name of the global table's processor (Streamiz names its source node after it, with <c>-source</c>).</summary>
    public const string TableProcessorName = "validation.md-history-table";

    /// <summary>
    /// Advanced after every write to the store (RocksDB underneath, see <see cref="SignallingStoreSupplier"/>), so the
    /// API can cache decoded look-ups and drop them the moment master data changes.
    /// </summary>
    public StoreWriteSignal StoreWrites { get; } = new();

    /// <inheritdoc />
    public string Name => TopologyName;

    /// <inheritdoc />
    public string Description => "Materialises md.history as a global table so the validation API answers point-in-time look-ups locally.";

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Inputs { get; } = [Topics.MasterDataHistory];

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Outputs { get; } = [];

    /// <summary>
    /// <c>dlq.master-data</c>: an <c>md.history</c> record the global table cannot deserialize is dead-lettered there,
    /// for the owners of master data.
    /// </summary>
    public Topic<string, DeadLetter> DeadLetterTopic => Topics.MasterDataDeadLetters;

    /// <inheritdoc />
    public void Build(StreamBuilder builder, TopologyContext context)
    {
        // Read by API requests, not by a stream thread: decoded synchronously (see QueryableAvroSerDes).
        var history = context.SerDes.QueryableAvro<MasterDataHistory>();
        MasterDataHistoryTable.Add(builder, StoreName, TableProcessorName, history, StoreWrites);
    }
}
