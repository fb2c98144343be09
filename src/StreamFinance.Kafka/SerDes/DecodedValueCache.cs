using System.Collections.Concurrent;

namespace StreamFinance.Kafka.SerDes;

/// <summary>
/// Decoded values by their encoded bytes, so that reading the same stored bytes again costs a hash and a comparison
/// instead of a decode. Content-addressed, hence never stale: changed bytes are a different entry. Bounded: when adding
/// would pass <see cref="MaxEntries"/> or <see cref="MaxBytes"/> of encoded bytes, it starts over empty. Thread-safe.
/// The cached values are shared between callers: treat them as read-only.
/// </summary>
/// <typeparam name="T">The decoded type.</typeparam>
public sealed class DecodedValueCache<T> where T : class
{
    private readonly ConcurrentDictionary<ContentKey, T> entries = new();
    private long bytes;

    /// <summary>Creates a cache holding at most <paramref name="maxEntries"/> values and <paramref name="maxBytes"/> encoded bytes.</summary>
    public DecodedValueCache(int maxEntries = 100_000, long maxBytes = 64L * 1024 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        MaxEntries = maxEntries;
        MaxBytes = maxBytes;
    }

    /// <summary>Most values held. Default 100,000.</summary>
    public int MaxEntries { get; }

    /// <summary>Most encoded bytes held (the values themselves take a few times more). Default 64 MiB.</summary>
    public long MaxBytes { get; }

    /// <summary>Values held now.</summary>
    public int Count => entries.Count;

    /// <summary>The value decoded from <paramref name="data"/>, decoding (with <paramref name="decode"/>) only if these bytes were not seen.</summary>
    public T GetOrDecode(byte[] data, Func<byte[], T> decode)
    {
        var key = new ContentKey(data);
        if (entries.TryGetValue(key, out var cached))
            return cached;
        var value = decode(data);
        if (entries.Count >= MaxEntries || Interlocked.Add(ref bytes, data.Length) > MaxBytes)
        {
            entries.Clear();
            Interlocked.Exchange(ref bytes, data.Length);
        }
        entries.TryAdd(key, value);
        return value;
    }

    private readonly struct ContentKey : IEquatable<ContentKey>
    {
        private readonly byte[] data;
        private readonly int hash;

        public ContentKey(byte[] data)
        {
            this.data = data;
            var hasher = new HashCode();
            hasher.AddBytes(data);
            hash = hasher.ToHashCode();
        }

        public bool Equals(ContentKey other) => hash == other.hash && data.AsSpan().SequenceEqual(other.data);

        public override bool Equals(object? obj) => obj is ContentKey other && Equals(other);

        public override int GetHashCode() => hash;
    }
}
