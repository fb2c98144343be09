using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Connectors.Mapping;

/// <summary>The identity of a loaded profile: name, version, source system, format with options, target topic, and the file it came from.</summary>
public sealed record MappingProfileHeader(string Name, string Version, string SourceSystem, string Format, IReadOnlyDictionary<string, string> FormatOptions, TopicSpec TargetTopic, string File)
{
    /// <summary>The source fields the profile declares <c>sensitive:</c>. Default none.</summary>
    public IReadOnlyList<SensitiveField> SensitiveFields { get; init; } = [];
}
