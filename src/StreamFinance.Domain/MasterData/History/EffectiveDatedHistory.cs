namespace StreamFinance.Domain.MasterData.History;

/// <summary>
/// The effective-dated versions of one master-data object, ordered by <see cref="EffectiveDatedVersion{T}.EffectiveFrom"/>,
/// so that look-ups can be point in time (<see cref="AsOf"/>). Immutable: <see cref="Apply"/> and <see cref="Prune"/>
/// return a new history. Versions may arrive in any order; a version for a date that already has one replaces it,
/// so a re-delivered update changes nothing.
/// </summary>
/// <typeparam name="T">The object's value type.</typeparam>
public sealed class EffectiveDatedHistory<T>
{
    private readonly EffectiveDatedVersion<T>[] versions;

    private EffectiveDatedHistory(EffectiveDatedVersion<T>[] versions) => this.versions = versions;

    /// <summary>A history without versions.</summary>
    public static EffectiveDatedHistory<T> Empty { get; } = new([]);

    /// <summary>The versions, oldest first, at most one per effective date.</summary>
    public IReadOnlyList<EffectiveDatedVersion<T>> Versions => versions;

    /// <summary>Number of versions.</summary>
    public int Count => versions.Length;

    /// <summary>The version with the latest effective date, or null when empty.</summary>
    public EffectiveDatedVersion<T>? Latest => versions.Length == 0 ? null : versions[^1];

    /// <summary>
    /// A history holding <paramref name="source"/>, e.g. as read back from a store. Versions may be in any order; of two
    /// with the same effective date the later one in <paramref name="source"/> wins, as if applied one by one.
    /// </summary>
    public static EffectiveDatedHistory<T> From(IEnumerable<EffectiveDatedVersion<T>> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var byDate = new SortedDictionary<DateOnly, EffectiveDatedVersion<T>>();
        foreach (var version in source)
        {
            ArgumentNullException.ThrowIfNull(version, nameof(source));
            byDate[version.EffectiveFrom] = version;
        }
        return new EffectiveDatedHistory<T>([.. byDate.Values]);
    }

    /// <summary>
    /// This history with <paramref name="version"/> added in date order, replacing the version of the same effective
    /// date if there is one (idempotent re-delivery, or a correction of that day).
    /// </summary>
    public EffectiveDatedHistory<T> Apply(EffectiveDatedVersion<T> version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var index = IndexOf(version.EffectiveFrom);
        if (index >= 0)
        {
            var replaced = (EffectiveDatedVersion<T>[])versions.Clone();
            replaced[index] = version;
            return new EffectiveDatedHistory<T>(replaced);
        }
        var insertAt = ~index;
        var inserted = new EffectiveDatedVersion<T>[versions.Length + 1];
        Array.Copy(versions, 0, inserted, 0, insertAt);
        inserted[insertAt] = version;
        Array.Copy(versions, insertAt, inserted, insertAt + 1, versions.Length - insertAt);
        return new EffectiveDatedHistory<T>(inserted);
    }

    /// <summary>This history with the object set to <paramref name="value"/> from <paramref name="effectiveFrom"/>.</summary>
    public EffectiveDatedHistory<T> Upsert(DateOnly effectiveFrom, T value) => Apply(EffectiveDatedVersion<T>.Live(effectiveFrom, value));

    /// <summary>This history with the object truly deleted from <paramref name="effectiveFrom"/> (a tombstone version).</summary>
    public EffectiveDatedHistory<T> Delete(DateOnly effectiveFrom) => Apply(EffectiveDatedVersion<T>.Tombstone(effectiveFrom));

    /// <summary>
    /// The version in force on <paramref name="date"/>: the one with the latest effective date on or before it. A
    /// tombstone is returned as such (the object was deleted then). Null before the first version.
    /// </summary>
    public EffectiveDatedVersion<T>? AsOf(DateOnly date)
    {
        var index = IndexInForce(date);
        return index < 0 ? null : versions[index];
    }

    /// <summary>The object's value on <paramref name="date"/>; false before the first version or while deleted.</summary>
    public bool TryGetValue(DateOnly date, out T value)
    {
        var version = AsOf(date);
        if (version is null || version.IsDeleted)
        {
            value = default!;
            return false;
        }
        value = version.Value;
        return true;
    }

    /// <summary>
    /// This history bounded by <paramref name="policy"/> as seen on <paramref name="today"/>: drops the oldest versions
    /// superseded before <paramref name="today"/> while they are older than the horizon or exceed the count bound. The
    /// version in force on <paramref name="today"/> and all later versions are always kept, so every look-up for
    /// <paramref name="today"/> or later answers as before; so does every look-up within the horizon unless the count
    /// bound cut deeper. The result is always a suffix of this history.
    /// </summary>
    public EffectiveDatedHistory<T> Prune(HistoryRetentionPolicy policy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var inForce = IndexInForce(today);
        if (inForce <= 0)
            return this;

        var cut = 0;
        if (policy.HorizonDays is { } days)
        {
            var horizon = today.DayNumber - days;
            // Version i answers [EffectiveFrom_i, EffectiveFrom_i+1): useless once its successor starts on or before the horizon.
            while (cut < inForce && versions[cut + 1].EffectiveFrom.DayNumber <= horizon)
                cut++;
        }
        if (policy.MaxVersions is { } max)
            cut = Math.Max(cut, Math.Min(inForce, versions.Length - max));

        return cut <= 0 ? this : new EffectiveDatedHistory<T>(versions[cut..]);
    }

    private int IndexInForce(DateOnly date)
    {
        var index = IndexOf(date);
        return index >= 0 ? index : ~index - 1;
    }

    private int IndexOf(DateOnly date)
    {
        int low = 0, high = versions.Length - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            var comparison = versions[mid].EffectiveFrom.CompareTo(date);
            if (comparison == 0)
                return mid;
            if (comparison < 0)
                low = mid + 1;
            else
                high = mid - 1;
        }
        return ~low;
    }
}
