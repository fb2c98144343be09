using Confluent.SchemaRegistry;

namespace StreamFinance.Embedded.SchemaRegistry.Internals;

/// <summary>A subject: its versions in registration order and its own compatibility level, if set.</summary>
internal sealed class SubjectState(string name)
{
    public string Name { get; } = name;

    public List<SubjectVersion> Versions { get; } = [];

    public Compatibility? Compatibility { get; set; }

    public IEnumerable<SubjectVersion> Live => Versions.Where(v => !v.Deleted);

    public bool HasLiveVersions => Versions.Any(v => !v.Deleted);

    public int NextVersion => Versions.Count == 0 ? 1 : Versions[^1].Version + 1;
}
