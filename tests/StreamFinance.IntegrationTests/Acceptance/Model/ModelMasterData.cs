namespace StreamFinance.IntegrationTests.Acceptance.Model;

/// <summary>One version of a master-data object as the model reads it from an export: in force from <paramref name="From"/>.</summary>
public sealed record Version<T>(DateOnly From, T Value);

/// <summary>A legal entity as the acceptance model needs it.</summary>
public sealed record ModelEntity(string Currency, string Country, string? DefaultTaxCode, decimal? ReceiptThreshold);

/// <summary>A cost center version: its entity, whether postable, and its validity.</summary>
public sealed record ModelCostCenter(string Entity, bool Active, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>An employee version.</summary>
public sealed record ModelEmployee(string Entity, string DefaultCostCenter);

/// <summary>A project version.</summary>
public sealed record ModelProject(bool Open, DateOnly Start, DateOnly? End);

/// <summary>An expense category version: GL account and limits per functional currency.</summary>
public sealed record ModelCategory(string GlAccount, IReadOnlyDictionary<string, decimal> Limits);

/// <summary>A tax code version.</summary>
public sealed record ModelTaxCode(string Jurisdiction, DateOnly ValidFrom, DateOnly? ValidTo);

/// <summary>An accounting period version.</summary>
public sealed record ModelPeriod(string Id, string Entity, int Year, int Number, DateOnly Start, DateOnly End, bool Open);

/// <summary>
/// The master data the model knows, per object type and key, each with its versions by effective date, written plainly
/// from the README's point-in-time rule: the version in force on a day is the latest one effective on or before it.
/// "Seen" (some version exists, whatever its date) is what separates master data that has not arrived yet (a line
/// waits) from master data that says no.
/// </summary>
public sealed class ModelMasterData
{
    private readonly Dictionary<string, List<Version<object>>> objects = new(StringComparer.Ordinal);

    /// <summary>Exchange rates by from, to and day; only positive rates (others are dead-lettered on the way in).</summary>
    public Dictionary<(string From, string To, DateOnly Day), decimal> Rates { get; } = [];

    /// <summary>Adds a version of <paramref name="type"/>:<paramref name="key"/>; a version with the same date replaces the earlier one.</summary>
    public void Add<T>(string type, string key, DateOnly from, T value) where T : class
    {
        var versions = objects.TryGetValue($"{type}:{key}", out var known) ? known : objects[$"{type}:{key}"] = [];
        versions.RemoveAll(v => v.From == from);
        versions.Add(new Version<object>(from, value));
        versions.Sort((a, b) => a.From.CompareTo(b.From));
    }

    /// <summary>Whether any version of the object exists.</summary>
    public bool Seen(string type, string key) => objects.ContainsKey($"{type}:{key}");

    /// <summary>The version in force on <paramref name="day"/>, or null.</summary>
    public T? AsOf<T>(string type, string key, DateOnly day) where T : class =>
        objects.TryGetValue($"{type}:{key}", out var versions) ? versions.LastOrDefault(v => v.From <= day)?.Value as T : null;

    /// <summary>Every version of the object (for "exists, but only from a later date").</summary>
    public IReadOnlyList<Version<object>> Versions(string type, string key) => objects.TryGetValue($"{type}:{key}", out var v) ? v : [];

    /// <summary>Every key of <paramref name="type"/> starting with <paramref name="prefix"/>.</summary>
    public IEnumerable<string> Keys(string type, string prefix) =>
        objects.Keys.Where(k => k.StartsWith($"{type}:{prefix}", StringComparison.Ordinal)).Select(k => k[(type.Length + 1)..]);

    /// <summary>Per <c>TYPE:key</c> (as <c>md.history</c> keys them), how many versions the model holds.</summary>
    public IReadOnlyDictionary<string, int> VersionCounts => objects.ToDictionary(o => o.Key, o => o.Value.Count);
}
