using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Kafka.State;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Crosscutting;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Table;

namespace StreamFinance.Topologies.Lookups;

/// <summary>
/// <c>md.history</c> as a GlobalKTable in a RocksDB store whose every write advances a <see cref="StoreWriteSignal"/>,
/// so that look-ups read through a <see cref="MasterDataLookupCache"/> are never staler than the store. Every topology
/// that looks master data up point in time adds its table with this.
/// </summary>
public static class MasterDataHistoryTable
{
    /// <summary>Adds the global table to <paramref name="builder"/>.</summary>
    /// <param name="builder">The topology being built.</param>
    /// <param name="storeName">Name of the RocksDB store (queryable, and reachable from processors with <c>GetStateStore</c>).</param>
    /// <param name="processorName">Name of the table's processor (Streamiz names its source node after it, with <c>-source</c>).</param>
    /// <param name="values">How values are decoded: <see cref="SerDesFactory.QueryableAvro{T}"/> when requests read the store, <see cref="SerDesFactory.Avro{T}"/> otherwise.</param>
    /// <param name="writes">Advanced after every write to the store.</param>
    public static void Add(StreamBuilder builder, string storeName, string processorName, ISerDes<MasterDataHistory> values, StoreWriteSignal writes) =>
        builder.GlobalTable(
            Topics.MasterDataHistory.Name,
            SerDesFactory.Key(),
            values,
            Materialized<string, MasterDataHistory, IKeyValueStore<Bytes, byte[]>>
                .Create(new SignallingStoreSupplier(PersistentStores.KeyValue(storeName), writes))
                .WithKeySerdes(SerDesFactory.Key())
                .WithValueSerdes(values)
                // Every write must reach the signalling store at once, not sit in a Streamiz cache.
                .WithCachingDisabled(),
            processorName);
}
