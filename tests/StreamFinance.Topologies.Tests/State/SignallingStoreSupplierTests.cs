using System.Text;
using StreamFinance.Kafka.State;
using Streamiz.Kafka.Net.Crosscutting;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.Tests.State;

public class SignallingStoreSupplierTests
{
    private static Bytes Key(string text) => Bytes.Wrap(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Every_kind_of_write_advances_the_signal_and_reads_do_not()
    {
        var signal = new StoreWriteSignal();
        var store = new SignallingStoreSupplier(Stores.InMemoryKeyValueStore("signalled"), signal).Get();
        var generations = new List<long> { signal.Generation };

        store.Put(Key("a"), [1]);
        generations.Add(signal.Generation);
        store.PutIfAbsent(Key("b"), [2]);
        generations.Add(signal.Generation);
        store.PutAll([new KeyValuePair<Bytes, byte[]>(Key("c"), [3])]);
        generations.Add(signal.Generation);
        store.Delete(Key("a"));
        generations.Add(signal.Generation);
        var before = signal.Generation;
        _ = store.Get(Key("b"));
        _ = store.All().ToList();
        _ = store.ApproximateNumEntries();

        Assert.Equal(generations.Count, generations.Distinct().Count());
        Assert.Equal(before, signal.Generation);
        Assert.Equal([2], store.Get(Key("b")));
        Assert.Null(store.Get(Key("a")));
    }

    [Fact]
    public void The_supplier_keeps_the_inner_store_name()
    {
        var supplier = new SignallingStoreSupplier(Stores.InMemoryKeyValueStore("named"), new StoreWriteSignal());

        Assert.Equal("named", supplier.Name);
        Assert.Equal("named", supplier.Get().Name);
    }
}
