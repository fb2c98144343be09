using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Crosscutting;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.State.Enumerator;

namespace StreamFinance.Kafka.State;

/// <summary>
/// A bytes key-value store that behaves exactly like the store it wraps and advances a <see cref="StoreWriteSignal"/>
/// after every write and whenever it is opened or closed (a restore writes below this layer, and always happens between
/// an open and the stream reaching RUNNING).
/// </summary>
internal sealed class SignallingKeyValueStore(IKeyValueStore<Bytes, byte[]> inner, StoreWriteSignal signal) : IKeyValueStore<Bytes, byte[]>
{
    public string Name => inner.Name;

    public bool Persistent => inner.Persistent;

    public bool IsLocally => inner.IsLocally;

    public bool IsOpen => inner.IsOpen;

    public void Init(ProcessorContext context, IStateStore root)
    {
        inner.Init(context, root);
        signal.Advance();
    }

    public void Flush() => inner.Flush();

    public void Close()
    {
        inner.Close();
        signal.Advance();
    }

    public byte[] Get(Bytes key) => inner.Get(key);

    public IKeyValueEnumerator<Bytes, byte[]> Range(Bytes from, Bytes to) => inner.Range(from, to);

    public IKeyValueEnumerator<Bytes, byte[]> ReverseRange(Bytes from, Bytes to) => inner.ReverseRange(from, to);

    public IEnumerable<KeyValuePair<Bytes, byte[]>> All() => inner.All();

    public IEnumerable<KeyValuePair<Bytes, byte[]>> ReverseAll() => inner.ReverseAll();

    public long ApproximateNumEntries() => inner.ApproximateNumEntries();

    public void Put(Bytes key, byte[] value)
    {
        inner.Put(key, value);
        signal.Advance();
    }

    public byte[] PutIfAbsent(Bytes key, byte[] value)
    {
        var previous = inner.PutIfAbsent(key, value);
        signal.Advance();
        return previous;
    }

    public void PutAll(IEnumerable<KeyValuePair<Bytes, byte[]>> entries)
    {
        inner.PutAll(entries);
        signal.Advance();
    }

    public byte[] Delete(Bytes key)
    {
        var previous = inner.Delete(key);
        signal.Advance();
        return previous;
    }
}
