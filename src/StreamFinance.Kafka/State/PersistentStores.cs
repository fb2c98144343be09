using Streamiz.Kafka.Net.Crosscutting;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.State.Supplier;

namespace StreamFinance.Kafka.State;

/// <summary>
/// The RocksDB key-value stores of every StreamFinance topology: Streamiz's persistent store, opened through a
/// <see cref="LockRetryingKeyValueStore"/> so that a task handed between two stream threads of one process waits for
/// the other thread to release it. Use this instead of <c>Stores.PersistentKeyValueStore</c>.
/// </summary>
public static class PersistentStores
{
    /// <summary>The supplier of the RocksDB key-value store <paramref name="name"/>.</summary>
    public static IKeyValueBytesStoreSupplier KeyValue(string name) => new Supplier(Stores.PersistentKeyValueStore(name));

    private sealed class Supplier(IKeyValueBytesStoreSupplier inner) : IKeyValueBytesStoreSupplier
    {
        public string Name
        {
            get => inner.Name;
            set => inner.Name = value;
        }

        public string MetricsScope => inner.MetricsScope;

        public IKeyValueStore<Bytes, byte[]> Get() => new LockRetryingKeyValueStore(inner.Get);
    }
}
