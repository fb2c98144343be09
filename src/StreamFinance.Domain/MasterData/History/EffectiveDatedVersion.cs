namespace StreamFinance.Domain.MasterData.History;

/// <summary>
/// One version of a master-data object, in force from <see cref="EffectiveFrom"/> until the next version's date.
/// A tombstone (<see cref="IsDeleted"/>) records a true delete; a deactivation is an ordinary version whose value
/// carries the inactive status.
/// </summary>
/// <typeparam name="T">The object's value type, e.g. a canonical record.</typeparam>
/// <param name="EffectiveFrom">First day this version applies.</param>
/// <param name="Value">The object as of that day; <c>default</c> for a tombstone.</param>
/// <param name="IsDeleted">Whether this version deletes the object.</param>
public sealed record EffectiveDatedVersion<T>(DateOnly EffectiveFrom, T Value, bool IsDeleted)
{
    /// <summary>A version that sets the object to <paramref name="value"/> from <paramref name="effectiveFrom"/>.</summary>
    public static EffectiveDatedVersion<T> Live(DateOnly effectiveFrom, T value) => new(effectiveFrom, value, false);

    /// <summary>A tombstone: the object does not exist from <paramref name="effectiveFrom"/> on.</summary>
    public static EffectiveDatedVersion<T> Tombstone(DateOnly effectiveFrom) => new(effectiveFrom, default!, true);
}
