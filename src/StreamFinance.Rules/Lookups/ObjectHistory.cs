using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData.History;

namespace StreamFinance.Rules.Lookups;

/// <summary>
/// The versions of one master-data object as its canonical record type <typeparamref name="T"/>, for point-in-time
/// questions: the version in force on a date (<see cref="AsOf"/>, the domain's <see cref="EffectiveDatedHistory{T}"/>)
/// and since when a condition has held (<see cref="Since"/>).
/// </summary>
/// <typeparam name="T">The payload record type, e.g. <see cref="CostCenter"/>.</typeparam>
public sealed class ObjectHistory<T> where T : class
{
    private readonly EffectiveDatedHistory<T> versions;

    private ObjectHistory(string objectType, string businessKey, EffectiveDatedHistory<T> versions)
    {
        ObjectType = objectType;
        BusinessKey = businessKey;
        this.versions = versions;
    }

    /// <summary>Object type, e.g. <c>COST_CENTER</c>.</summary>
    public string ObjectType { get; }

    /// <summary>Business key, e.g. <c>CC-1042</c>.</summary>
    public string BusinessKey { get; }

    /// <summary>The versions, oldest first.</summary>
    public IReadOnlyList<EffectiveDatedVersion<T>> Versions => versions.Versions;

    /// <summary>The version with the latest effective date (possibly a tombstone), or null without versions.</summary>
    public EffectiveDatedVersion<T>? Latest => versions.Latest;

    /// <summary>Reads a stored history.</summary>
    /// <exception cref="InvalidDataException">A live version's payload is not a <typeparamref name="T"/>: the writer of md.history broke its contract.</exception>
    public static ObjectHistory<T> From(MasterDataHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var type = history.objectType.ToString();
        var versions = (history.versions ?? []).Select(v =>
        {
            var day = DateOnly.FromDateTime(v.effectiveFrom);
            if (v.deleted)
                return EffectiveDatedVersion<T>.Tombstone(day);
            return v.update?.payload is T value
                ? EffectiveDatedVersion<T>.Live(day, value)
                : throw new InvalidDataException(
                    $"md.history {LookupKeys.Of(type, history.businessKey)}: the version from {day:yyyy-MM-dd} holds {v.update?.payload?.GetType().Name ?? "no payload"}, " +
                    $"not a {typeof(T).Name}. The master-data topology wrote an inconsistent record; fix it and re-publish the object.");
        });
        return new ObjectHistory<T>(type, history.businessKey, EffectiveDatedHistory<T>.From(versions));
    }

    /// <summary>The version in force on <paramref name="date"/> (a tombstone if deleted then), or null before the first version.</summary>
    public EffectiveDatedVersion<T>? AsOf(DateOnly date) => versions.AsOf(date);

    /// <summary>
    /// Since when <paramref name="holds"/> has been true without a break up to <paramref name="date"/>: the effective date
    /// of the oldest of the consecutive live versions, ending with the one in force on <paramref name="date"/>, for which
    /// it holds. Null when it does not hold for the version in force (or none is).
    /// </summary>
    public DateOnly? Since(DateOnly date, Func<T, bool> holds)
    {
        DateOnly? since = null;
        foreach (var version in versions.Versions)
        {
            if (version.EffectiveFrom > date)
                break;
            since = !version.IsDeleted && holds(version.Value) ? since ?? version.EffectiveFrom : null;
        }
        return since;
    }
}
