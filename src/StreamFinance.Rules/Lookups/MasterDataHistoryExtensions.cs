using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData.History;

namespace StreamFinance.Rules.Lookups;

/// <summary>
/// Point-in-time reading of <c>md.history</c> records (<see cref="MasterDataHistory"/>), for look-ups from a
/// GlobalKTable or a state store: what was in force on a date, not only what is latest.
/// </summary>
public static class MasterDataHistoryExtensions
{
    /// <summary>The history as the domain's <see cref="EffectiveDatedHistory{T}"/>: each version's update, a tombstone flagged as deleted (its update kept for lineage).</summary>
    public static EffectiveDatedHistory<MasterDataUpdate> ToEffectiveDated(this MasterDataHistory? history) =>
        history?.versions is null
            ? EffectiveDatedHistory<MasterDataUpdate>.Empty
            : EffectiveDatedHistory<MasterDataUpdate>.From(history.versions.Select(v =>
                new EffectiveDatedVersion<MasterDataUpdate>(DateOnly.FromDateTime(v.effectiveFrom), v.update, v.deleted)));

    /// <summary>The <c>md.history</c> record of <paramref name="history"/> for the object <paramref name="type"/> / <paramref name="businessKey"/>.</summary>
    public static MasterDataHistory ToRecord(this EffectiveDatedHistory<MasterDataUpdate> history, MasterDataObjectType type, string businessKey) => new()
    {
        objectType = type,
        businessKey = businessKey,
        versions = history.Versions
            .Select(v => new MasterDataVersion { effectiveFrom = v.EffectiveFrom.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), deleted = v.IsDeleted, update = v.Value })
            .ToList(),
    };

    /// <summary>The version in force on <paramref name="date"/> (the latest effective on or before it); null before the first version. A deleted version is returned as such.</summary>
    public static MasterDataVersion? AsOf(this MasterDataHistory history, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.versions?
            .Where(v => DateOnly.FromDateTime(v.effectiveFrom) <= date)
            .MaxBy(v => v.effectiveFrom);
    }

    /// <summary>The object as it was on <paramref name="date"/>; null before its first version, while deleted, or when the payload is not a <typeparamref name="T"/>.</summary>
    public static T? ValueAsOf<T>(this MasterDataHistory history, DateOnly date) where T : class =>
        history.AsOf(date) is { deleted: false } version ? version.update?.payload as T : null;

    /// <summary>The version with the latest effective date, or null when there is none.</summary>
    public static MasterDataVersion? Latest(this MasterDataHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.versions?.MaxBy(v => v.effectiveFrom);
    }
}
