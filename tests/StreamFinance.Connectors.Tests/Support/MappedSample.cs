using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Tests.Support;

/// <summary>A sample mapped with its profile, split into what mapped, what failed to map and what failed to parse.</summary>
internal sealed class MappedSample(IReadOnlyList<(SourceReadResult Read, MappingResult? Mapped)> results)
{
    public static MappedSample Of(string profile, string sample) => new(ProfileSamples.Map(profile, sample));

    public int Count => results.Count;

    public IReadOnlyList<MappedRecord> Records => results.Where(r => r.Mapped?.Record is not null).Select(r => r.Mapped!.Record!).ToList();

    public IReadOnlyList<MappingFailure> Failures => results.Where(r => r.Mapped?.Failure is not null).Select(r => r.Mapped!.Failure!).ToList();

    public IReadOnlyList<SourceParseFailure> ParseFailures => results.Where(r => r.Read.Failure is not null).Select(r => r.Read.Failure!).ToList();

    public T Value<T>(string key) => (T)Records.Single(r => r.Key == key).Value;
}
