using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Tests.Fuzzing;

/// <summary>Valid payloads of one format read with one set of format options, with their mutator; for mapping, the profile that maps them.</summary>
internal sealed class SampleGroup(string name, ISourceFormat format, IReadOnlyDictionary<string, string> options, IReadOnlyList<byte[]> samples,
    IRecordMapper? mapper = null, IReadOnlyList<string>? extraTokens = null)
{
    private readonly ByteMutator mutator = new(samples, extraTokens);

    public string Name { get; } = name;

    public ISourceFormat Format { get; } = format;

    public IReadOnlyDictionary<string, string> Options { get; } = options;

    public IRecordMapper? Mapper { get; } = mapper;

    /// <summary>The valid payloads mutated.</summary>
    public IReadOnlyList<byte[]> Samples { get; } = samples;

    public byte[] Input(int seed, int index) => mutator.Input(seed, index);

    /// <summary>Input <paramref name="index"/> of a campaign over <paramref name="groups"/>: each group in turn.</summary>
    public static SampleGroup For(IReadOnlyList<SampleGroup> groups, int index) => groups[index % groups.Count];
}
