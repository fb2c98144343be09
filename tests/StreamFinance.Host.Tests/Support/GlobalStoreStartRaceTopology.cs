using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka;
using StreamFinance.Kafka.State;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Crosscutting;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.State.Supplier;
using Streamiz.Kafka.Net.Table;

namespace StreamFinance.Host.Tests.Support;

/// <summary>
/// A test topology with one RocksDB global table over <c>md.history</c> whose first stream meets the start race of
/// Streamiz 1.8's global thread: the store opens, then the start fails with <c>Local: Erroneous state</c> (as the
/// global consumer's seek does) and nothing closes the open store. The topology object outlives its streams, so the
/// next stream starts normally.
/// </summary>
internal sealed class GlobalStoreStartRaceTopology(string name) : IStreamTopology
{
    private int raced;

    /// <summary>Name of the global store.</summary>
    public const string StoreName = "race.md-history";

    public string Name => name;

    public string Description => "A global table whose first start fails after its store opened, for tests.";

    public Topic<string, DeadLetter> DeadLetterTopic => Topics.MasterDataDeadLetters;

    public IReadOnlyList<TopicSpec> Inputs => [Topics.MasterDataHistory];

    public IReadOnlyList<TopicSpec> Outputs => [];

    public void Build(StreamBuilder builder, TopologyContext context) =>
        builder.GlobalTable(
            Topics.MasterDataHistory.Name,
            new StringSerDes(),
            new ByteArraySerDes(),
            Materialized<string, byte[], IKeyValueStore<Bytes, byte[]>>
                .Create(new Supplier(PersistentStores.KeyValue(StoreName), this))
                .WithCachingDisabled(),
            "race-md-history");

    private bool RaceNow() => Interlocked.Exchange(ref raced, 1) == 0;

    private sealed class Supplier(IKeyValueBytesStoreSupplier inner, GlobalStoreStartRaceTopology owner) : IKeyValueBytesStoreSupplier
    {
        public string Name
        {
            get => inner.Name;
            set => inner.Name = value;
        }

        public string MetricsScope => inner.MetricsScope;

        public IKeyValueStore<Bytes, byte[]> Get() => new OpensThenRaces(inner.Get(), owner);
    }

    private sealed class OpensThenRaces(IKeyValueStore<Bytes, byte[]> inner, GlobalStoreStartRaceTopology owner) : ForwardingKeyValueStore(inner)
    {
        public override void Init(ProcessorContext context, IStateStore root)
        {
            base.Init(context, root);
            if (owner.RaceNow())
                throw new KafkaException(ErrorCode.Local_State);
        }
    }
}
