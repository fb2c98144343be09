using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Tests.Support;

namespace StreamFinance.Connectors.Tests.Fuzzing;

/// <summary>
/// Issue 14, point 5: seeded mutations of the shipped samples, <see cref="FuzzSettings.Inputs"/> per target (a short run in
/// CI, 100000 with <c>STREAMFINANCE_FUZZ_INPUTS=100000</c>). Every input ends as records and stated failures
/// (<see cref="SourceParseFailure"/>, <see cref="MappingFailure"/>), never as an exception or a hang.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly string[] X12Paths = ["BEG03", "N1[ST]02", "PO107-1", "DTM[002]02", "ISA06", "GS02", "ST01", "TDS01", "BIG02", "IT102"];

    [Fact]
    public void Mutated_csv_files_end_as_records_or_stated_failures() => Formats("csv", FuzzCorpus.OfFormat("csv"));

    [Fact]
    public void Mutated_json_pages_end_as_records_or_stated_failures() => Formats("json", FuzzCorpus.OfFormat("json"));

    [Fact]
    public void Mutated_json_lines_end_as_records_or_stated_failures() => Formats("jsonl", FuzzCorpus.JsonLines());

    [Fact]
    public void Mutated_x12_interchanges_end_as_records_or_stated_failures() =>
        Formats("x12", FuzzCorpus.OfFormat("x12"), record => Array.ForEach(X12Paths, path => record.Document.Value(path)));

    [Fact]
    public void Mutated_samples_mapped_by_every_shipped_profile_end_as_records_or_stated_failures()
    {
        var groups = FuzzCorpus.Profiles;
        var report = FuzzCampaign.Run("mapping", (seed, i) => SampleGroup.For(groups, i).Input(seed, i), (i, input) =>
        {
            var group = SampleGroup.For(groups, i);
            var mapper = group.Mapper!;
            var outcome = default(FuzzOutcome);
            foreach (var read in group.Format.Read(input, "fuzz", group.Options))
            {
                if (Read(read, null) is { Records: 0 } failed)
                {
                    outcome += failed;
                    continue;
                }
                var mapped = mapper.Map(read.Record!, ProfileSamples.IngestTime);
                Assert.True(mapped.Record is null != (mapped.Failure is null), $"{mapper.ProfileId}: a mapping result must be a record or a failure");
                if (mapped.Failure is { } failure)
                    Assert.Contains(mapper.ProfileId, failure.Message);
                outcome += mapped.Record is null ? FuzzOutcome.Failure : FuzzOutcome.Record;
            }
            return outcome;
        });

        Assert.True(report.Records > 0 && report.Failures > 0, $"the mutations should give both mapped records and failures: {report}");
    }

    private static void Formats(string target, IReadOnlyList<SampleGroup> groups, Action<SourceRecord>? touch = null)
    {
        Assert.NotEmpty(groups);
        var report = FuzzCampaign.Run(target, (seed, i) => SampleGroup.For(groups, i).Input(seed, i), (i, input) =>
        {
            var group = SampleGroup.For(groups, i);
            var outcome = default(FuzzOutcome);
            foreach (var result in group.Format.Read(input, "fuzz", group.Options))
                outcome += Read(result, touch);
            return outcome;
        });

        Assert.True(report.Records > 0 && report.Failures > 0, $"the mutations should give both records and failures: {report}");
    }

    /// <summary>One read result: exactly a record (whose document answers look-ups) or a failure with a message and a position.</summary>
    private static FuzzOutcome Read(SourceReadResult result, Action<SourceRecord>? touch)
    {
        Assert.True(result.Record is null != (result.Failure is null), "a read result must be a record or a failure");
        if (result.Failure is { } failure)
        {
            Assert.False(string.IsNullOrWhiteSpace(failure.Message), "a stated failure says what is wrong");
            Assert.True(failure.Position.Line >= 1, "a stated failure says where");
            return FuzzOutcome.Failure;
        }
        touch?.Invoke(result.Record!);
        return FuzzOutcome.Record;
    }
}
