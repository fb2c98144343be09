using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Sources.Formats;

namespace StreamFinance.Connectors.Tests.Support;

/// <summary>The shipped profiles and samples (copied to the output directory by the Connectors project), read and mapped as a connector would.</summary>
internal static class ProfileSamples
{
    public static readonly DateTime IngestTime = new(2026, 11, 26, 6, 0, 0, DateTimeKind.Utc);

    public static string ProfileDirectory => Path.Combine(AppContext.BaseDirectory, "Profiles");

    public static string SampleDirectory => Path.Combine(AppContext.BaseDirectory, "Samples");

    public static IRecordMapper Profile(string name) => new MappingProfileLoader().LoadFile(Path.Combine(ProfileDirectory, name + ".yaml"));

    /// <summary>Reads <paramref name="sample"/> with the profile's format and maps every record; parse failures are kept in order too.</summary>
    public static IReadOnlyList<(SourceReadResult Read, MappingResult? Mapped)> Map(string profile, string sample)
    {
        var mapper = Profile(profile);
        var bytes = File.ReadAllBytes(Path.Combine(SampleDirectory, sample));
        return SourceFormats.Default.Get(mapper.Format).Read(bytes, sample, mapper.FormatOptions)
            .Select(read => (read, read.Record is null ? null : mapper.Map(read.Record, IngestTime)))
            .ToList();
    }
}
