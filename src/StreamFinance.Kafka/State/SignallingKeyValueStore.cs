using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Crosscutting;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Kafka.State;

/// <summary>
/// A bytes key-value store that behaves exactly like the store it wraps and advances a <see cref="StoreWriteSignal"/>
/// after every write and whenever it is opened or closed (a restore writes below this layer, and always happens between
/// an open and the stream reaching RUNNING).
/// </summary>
internal sealed class SignallingKeyValueStore(IKeyValueStore<Bytes, byte[]> inner, StoreWriteSignal signal) : ForwardingKeyValueStore(inner)
{
    public override void Init(ProcessorContext context, IStateStore root)
    {
        base.Init(context, root);
        signal.Advance();
    }

    public override void Close()
    {
        base.Close();
        signal.Advance();
    }

    public override void Put(Bytes key, byte[] value)
    {
        base.Put(key, value);
        signal.Advance();
    }

    public override byte[] PutIfAbsent(Bytes key, byte[] value)
    {
        var previous = base.PutIfAbsent(key, value);
        signal.Advance();
        return previous;
    }

    public override void PutAll(IEnumerable<KeyValuePair<Bytes, byte[]>> entries)
    {
        base.PutAll(entries);
        signal.Advance();
    }

    public override byte[] Delete(Bytes key)
    {
        var previous = base.Delete(key);
        signal.Advance();
        return previous;
    }
}
