using StreamFinance.Contracts.Common;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Kafka.Holds;

/// <summary>
/// One task's view of a hold store (a RocksDB, changelogged key-value store of <see cref="HeldRecord"/>s, keyed by the
/// identity that dedupes the record, e.g. its idempotency key). It keeps the count and the earliest first-held time,
/// and moves <paramref name="metrics"/> (<c>streamfinance_records_held</c>) with every hold and release.
/// </summary>
/// <remarks>
/// Streamiz initialises processors before it restores their stores, so the store is first read (counted) on first use,
/// which is always once the task's stores are restored: by a record (records reach running tasks only) or by a
/// punctuator that waits for <see cref="State.TaskRestoration"/>. <see cref="Close"/> takes this task's records off the
/// gauge when the task leaves the instance; the records stay in the store and its changelog for the next owner.
/// </remarks>
/// <param name="store">The task's hold store.</param>
/// <param name="name">The store's name, which labels the gauge.</param>
/// <param name="metrics">The gauge of held records (<see cref="Observability.BusinessMetrics.Holds"/>).</param>
public sealed class HoldStore(IKeyValueStore<string, HeldRecord> store, string name, HoldMetrics metrics)
{
    private const string KeyCeiling = "\U0010FFFF\U0010FFFF\U0010FFFF\U0010FFFF";
    private long count = -1;
    private DateTimeOffset? earliest;
    private bool earliestKnown;

    /// <summary>The store's name, which labels the gauge.</summary>
    public string Name { get; } = name;

    /// <summary>Records held by this task.</summary>
    public long Count
    {
        get
        {
            Load();
            return count;
        }
    }

    /// <summary>First-held time of the longest-held record; null when none is held.</summary>
    public DateTimeOffset? EarliestHeldSince
    {
        get
        {
            Load();
            if (!earliestKnown)
            {
                earliest = store.All().Where(e => e.Value is not null).Select(e => (DateTimeOffset?)e.Value.HeldSince()).Min();
                earliestKnown = true;
            }
            return earliest;
        }
    }

    /// <summary>Holds <paramref name="record"/> under <paramref name="key"/>, or replaces what is held under it (the count moves only for a new key).</summary>
    public void Hold(string key, HeldRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Load();
        var isNew = store.Get(key) is null;
        store.Put(key, record);
        if (isNew)
            Moved(1);
        if (earliestKnown && (earliest is null || record.HeldSince() < earliest))
            earliest = record.HeldSince();
    }

    /// <summary>The record held under <paramref name="key"/>; null when none is.</summary>
    public HeldRecord? Get(string key) => store.Get(key);

    /// <summary>Releases <paramref name="key"/> (nothing when it is not held).</summary>
    public void Release(string key)
    {
        Load();
        if (store.Delete(key) is null)
            return;
        Moved(-1);
        earliestKnown = false;
    }

    /// <summary>
    /// At most <paramref name="max"/> held records whose keys sort after <paramref name="after"/> (from the first when
    /// null), in key order, read into a list: a caller goes through a large store in batches of bounded memory and may
    /// release between them.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, HeldRecord>> After(string? after, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var batch = new List<KeyValuePair<string, HeldRecord>>(Math.Min(max, 1024));
        // RocksDB orders UTF-8 bytes: key + U+0000 is the first key after it, and no key of valid text sorts after the ceiling.
        using var range = store.Range(after is null ? "" : after + '\0', KeyCeiling);
        while (batch.Count < max && range.MoveNext())
            if (range.Current is { Value: not null } entry)
                batch.Add(entry);
        return batch;
    }

    /// <summary>Takes this task's records off the gauge: the task leaves this instance.</summary>
    public void Close()
    {
        if (count > 0)
            metrics.Changed(Name, -count);
        count = -1;
        earliestKnown = false;
    }

    private void Load()
    {
        if (count >= 0)
            return;
        count = store.All().LongCount(e => e.Value is not null);
        metrics.Changed(Name, count);
    }

    private void Moved(int delta)
    {
        count += delta;
        metrics.Changed(Name, delta);
    }
}
