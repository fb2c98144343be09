using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.State.Enumerator;

namespace StreamFinance.Topologies.Tests.Support;

/// <summary>A key-value store over a sorted dictionary (ordinal key order, as RocksDB orders UTF-8 keys), for code that takes a store without a topology.</summary>
internal sealed class DictionaryKeyValueStore<TValue>(string name) : IKeyValueStore<string, TValue>
    where TValue : class
{
    private readonly SortedDictionary<string, TValue> entries = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public bool Persistent => false;

    public bool IsLocally => true;

    public bool IsOpen => true;

    /// <summary>Writes so far (puts and deletes), to tell whether a caller wrote at all.</summary>
    public int Writes { get; private set; }

    public void Init(ProcessorContext context, IStateStore root)
    {
    }

    public void Flush()
    {
    }

    public void Close()
    {
    }

    public TValue Get(string key) => entries.GetValueOrDefault(key)!;

    public IKeyValueEnumerator<string, TValue> Range(string from, string to) =>
        new ListEnumerator(entries.Where(e => string.CompareOrdinal(e.Key, from) >= 0 && string.CompareOrdinal(e.Key, to) <= 0).ToList());

    public IKeyValueEnumerator<string, TValue> ReverseRange(string from, string to) => throw new NotSupportedException("Not needed by the code under test.");

    public IEnumerable<KeyValuePair<string, TValue>> All() => entries.ToList();

    public IEnumerable<KeyValuePair<string, TValue>> ReverseAll() => entries.Reverse().ToList();

    public long ApproximateNumEntries() => entries.Count;

    public void Put(string key, TValue value)
    {
        Writes++;
        entries[key] = value;
    }

    public TValue PutIfAbsent(string key, TValue value)
    {
        if (entries.TryGetValue(key, out var existing))
            return existing;
        Put(key, value);
        return null!;
    }

    public void PutAll(IEnumerable<KeyValuePair<string, TValue>> pairs)
    {
        foreach (var (key, value) in pairs)
            Put(key, value);
    }

    public TValue Delete(string key)
    {
        Writes++;
        return entries.Remove(key, out var removed) ? removed : null!;
    }

    private sealed class ListEnumerator(List<KeyValuePair<string, TValue>> items) : IKeyValueEnumerator<string, TValue>
    {
        private int index = -1;

        public KeyValuePair<string, TValue>? Current => index >= 0 && index < items.Count ? items[index] : null;

        object? System.Collections.IEnumerator.Current => Current;

        public string PeekNextKey() => index + 1 < items.Count ? items[index + 1].Key : null!;

        public bool MoveNext() => ++index < items.Count;

        public void Reset() => index = -1;

        public void Dispose()
        {
        }
    }
}
