using StreamFinance.Kafka.State;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;
using StreamFinance.Kafka;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// Step 4: supplier duplicates and survivorship. Every supplier object whose latest version changed is re-keyed to one
/// constant key and repartitioned through <see cref="MasterDataNames.SuppliersAll"/> (one partition), so one task sees
/// every supplier: duplicates can be anywhere, and a blocking index that is partitioned would miss them.
/// <see cref="SupplierMastering"/> then writes golden records to <c>md.suppliers</c> (keyed by golden id, with
/// cross-references to every source object) and candidate pairs to <c>md.supplier-duplicates</c> (keyed by pair id).
/// </summary>
/// <remarks>
/// Trade-off: one task means one thread masters all suppliers. Supplier master data is 10^4 to 10^5 objects changing a
/// few thousand times a day, so throughput is ample and the state (objects, index, pairs, golden records) is a few
/// hundred MB at most in RocksDB. The price is no parallelism for this step and a restore of its changelogs when the task
/// moves. If suppliers grow by orders of magnitude, partition by a coarse blocking key (e.g. country) instead and accept
/// missing cross-country duplicates.
/// </remarks>
public static class SupplierMasteringStep
{
    /// <summary>Adds the step after <paramref name="changes"/> (changes of any object type; only suppliers continue).</summary>
    public static void Apply(StreamBuilder builder, IKStream<string, HistoryChange> changes, TopologyContext context, IStreamTopology topology)
    {
        AddStore(builder, MasterDataNames.SupplierSourcesStore, context.SerDes.Avro<SupplierSourceState>());
        AddStore(builder, MasterDataNames.SupplierIndexStore, context.SerDes.Avro<SupplierIndexEntry>());
        AddStore(builder, MasterDataNames.SupplierPairsStore, context.SerDes.Avro<SupplierDuplicateCandidate>());
        AddStore(builder, MasterDataNames.SupplierGoldenStore, context.SerDes.Avro<Supplier>());
        var rules = SupplierMasteringRules.From(context.MasterData, context.Clock);

        var outputs = changes
            .Filter((_, change, _) => change.LatestChanged && change.Update.objectType == MasterDataObjectType.SUPPLIER, $"{MasterDataNames.SuppliersRekey}.filter")
            // One constant key: the supplier change itself is the latest version's update (a DELETE when deleted).
            .Map((_, change, _) => KeyValuePair.Create(MasterDataNames.SupplierPartitionKey, change.History.Latest()!.update), MasterDataNames.SuppliersRekey)
            .Repartition(Repartitioned<string, MasterDataUpdate>.As(MasterDataNames.SuppliersAll)
                .WithKeySerdes(SerDesFactory.Key())
                .WithValueSerdes(context.SerDes.Avro<MasterDataUpdate>())
                .WithNumberOfPartitions(1))
            .DeadLetterTombstones(MasterDataNames.SuppliersAllTombstones, context.DeadLettersTo(topology), SuppliersAllInstead)
            .Transform(
                TransformerBuilder.New<string, MasterDataUpdate, string, SupplierOutput>().Transformer<SupplierMasteringTransformer>(rules, new MasterDataMetrics(context.BusinessMetrics)).Build(),
                MasterDataNames.SupplierMastering,
                MasterDataNames.SupplierSourcesStore, MasterDataNames.SupplierIndexStore, MasterDataNames.SupplierPairsStore, MasterDataNames.SupplierGoldenStore)
            .Branch(MasterDataNames.SupplierOutputs, (_, output, _) => output.IsGolden, (_, _, _) => true);

        outputs[0]
            .MapValues((_, output, _) => output.Golden!, $"{MasterDataNames.SupplierOutputs}.golden")
            .CountProduced(context.Metrics, Topics.Suppliers.Name)
            .To(Topics.Suppliers.Name, SerDesFactory.Key(), context.SerDes.Avro<Supplier>(), $"{MasterDataNames.SupplierOutputs}.golden-sink");
        outputs[1]
            .MapValues((_, output, _) => output.Candidate!, $"{MasterDataNames.SupplierOutputs}.candidates")
            .CountProduced(context.Metrics, Topics.SupplierDuplicates.Name)
            .To(Topics.SupplierDuplicates.Name, SerDesFactory.Key(), context.SerDes.Avro<SupplierDuplicateCandidate>(), $"{MasterDataNames.SupplierOutputs}.candidates-sink");
    }

    private const string SuppliersAllInstead =
        "The topic is internal to the master-data topology, and the master-data topology writes only supplier updates here: " +
        "find the producer that wrote to it and stop it; nothing needs to be sent instead.";

    private static void AddStore<T>(StreamBuilder builder, string name, Streamiz.Kafka.Net.SerDes.ISerDes<T> values) =>
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(name), SerDesFactory.Key(), values));
}
