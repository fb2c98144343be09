using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Crosscutting;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.State.Enumerator;

namespace StreamFinance.Kafka.State;

/// <summary>
/// A bytes key-value store that forwards every call to the store in <see cref="Inner"/>: the base of the wrappers that
/// add one behaviour to a store (and override only the members that behaviour touches).
/// </summary>
/// <param name="inner">The store wrapped first.</param>
public abstract class ForwardingKeyValueStore(IKeyValueStore<Bytes, byte[]> inner) : IKeyValueStore<Bytes, byte[]>
{
    /// <summary>The store calls go to; a wrapper may replace it (a store opened again).</summary>
    protected IKeyValueStore<Bytes, byte[]> Inner { get; set; } = inner;

    /// <inheritdoc />
    public string Name => Inner.Name;

    /// <inheritdoc />
    public bool Persistent => Inner.Persistent;

    /// <inheritdoc />
    public bool IsLocally => Inner.IsLocally;

    /// <inheritdoc />
    public bool IsOpen => Inner.IsOpen;

    /// <inheritdoc />
    public virtual void Init(ProcessorContext context, IStateStore root) => Inner.Init(context, root);

    /// <inheritdoc />
    public void Flush() => Inner.Flush();

    /// <inheritdoc />
    public virtual void Close() => Inner.Close();

    /// <inheritdoc />
    public byte[] Get(Bytes key) => Inner.Get(key);

    /// <inheritdoc />
    public IKeyValueEnumerator<Bytes, byte[]> Range(Bytes from, Bytes to) => Inner.Range(from, to);

    /// <inheritdoc />
    public IKeyValueEnumerator<Bytes, byte[]> ReverseRange(Bytes from, Bytes to) => Inner.ReverseRange(from, to);

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<Bytes, byte[]>> All() => Inner.All();

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<Bytes, byte[]>> ReverseAll() => Inner.ReverseAll();

    /// <inheritdoc />
    public long ApproximateNumEntries() => Inner.ApproximateNumEntries();

    /// <inheritdoc />
    public virtual void Put(Bytes key, byte[] value) => Inner.Put(key, value);

    /// <inheritdoc />
    public virtual byte[] PutIfAbsent(Bytes key, byte[] value) => Inner.PutIfAbsent(key, value);

    /// <inheritdoc />
    public virtual void PutAll(IEnumerable<KeyValuePair<Bytes, byte[]>> entries) => Inner.PutAll(entries);

    /// <inheritdoc />
    public virtual byte[] Delete(Bytes key) => Inner.Delete(key);
}
