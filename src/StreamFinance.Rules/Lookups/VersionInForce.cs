namespace StreamFinance.Rules.Lookups;

/// <summary>
/// Outcome of a point-in-time look-up: the version of an object in force on a date with its effective date, or why
/// there is none (unknown, not yet in force, deleted), phrased for people.
/// </summary>
/// <typeparam name="T">The payload record type.</typeparam>
public sealed class VersionInForce<T> where T : class
{
    private VersionInForce(T? value, DateOnly effectiveFrom, ObjectHistory<T>? history, string? absence)
    {
        Value = value;
        EffectiveFrom = effectiveFrom;
        History = history;
        Absence = absence;
    }

    /// <summary>Whether a live version is in force.</summary>
    public bool IsFound => Value is not null;

    /// <summary>The version's value; null when not found.</summary>
    public T? Value { get; }

    /// <summary>First day of the version in force; default when not found.</summary>
    public DateOnly EffectiveFrom { get; }

    /// <summary>Every version of the object; null when the object is unknown.</summary>
    public ObjectHistory<T>? History { get; }

    /// <summary>Why nothing is in force, e.g. "cost center CC-9 is unknown"; null when found.</summary>
    public string? Absence { get; }

    /// <summary>A version in force.</summary>
    public static VersionInForce<T> Found(T value, DateOnly effectiveFrom, ObjectHistory<T> history) => new(value, effectiveFrom, history, null);

    /// <summary>Nothing in force, for <paramref name="absence"/>.</summary>
    public static VersionInForce<T> Absent(string absence, ObjectHistory<T>? history = null) => new(null, default, history, absence);
}
