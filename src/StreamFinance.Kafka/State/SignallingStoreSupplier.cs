using Streamiz.Kafka.Net.Crosscutting;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.State.Supplier;

namespace StreamFinance.Kafka.State;

/// <summary>
/// Supplies the stores of <paramref name="inner"/> (e.g. <c>Stores.PersistentKeyValueStore(name)</c>, RocksDB) wrapped so
/// that each write advances <paramref name="signal"/>; see <see cref="StoreWriteSignal"/>.
/// </summary>
public sealed class SignallingStoreSupplier(IKeyValueBytesStoreSupplier inner, StoreWriteSignal signal) : IKeyValueBytesStoreSupplier
{
    /// <inheritdoc />
    public string Name
    {
        get => inner.Name;
        set => inner.Name = value;
    }

    /// <inheritdoc />
    public string MetricsScope => inner.MetricsScope;

    /// <inheritdoc />
    public IKeyValueStore<Bytes, byte[]> Get() => new SignallingKeyValueStore(inner.Get(), signal);
}
