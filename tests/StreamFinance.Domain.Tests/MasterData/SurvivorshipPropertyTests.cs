using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Golden;

namespace StreamFinance.Domain.Tests.MasterData;

public class SurvivorshipPropertyTests
{
    private static readonly string[] Systems = ["sap-s4", "coupa", "ariba", "edi"];
    private static readonly string[] Fields = ["legalName", "contacts", "paymentTerms", "address"];
    private static readonly string?[] Values = [null, "", "x", "xy", "Acme", "Acme Inc"];
    private static readonly DateTimeOffset Origin = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<SourceRecord> Records(byte[] picks)
    {
        int Pick(int i) => picks.Length == 0 ? 0 : picks[i % picks.Length];
        var count = picks.Length == 0 ? 1 : Pick(0) % 5 + 1;
        var records = new Dictionary<SourceReference, SourceRecord>();
        for (var r = 0; r < count; r++)
        {
            var source = new SourceReference(Systems[Pick(r * 7 + 1) % Systems.Length], (Pick(r * 7 + 2) % 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var fields = Fields.Select((f, i) => (f, Values[Pick(r * 7 + 3 + i) % Values.Length])).Where(p => Pick(r + p.f.Length) % 4 != 0)
                .ToDictionary(p => p.f, p => p.Item2);
            // Few distinct times and unlisted systems, so that every tie-breaker is needed.
            records[source] = new SourceRecord(source, Origin.AddHours(Pick(r * 11 + 5) % 2), fields);
        }
        return records.Values.ToList();
    }

    private static readonly Survivorship Engine = new(new SurvivorshipOptions
    {
        SourcePriority = ["sap-s4", "coupa"],
        FieldRules = { ["legalName"] = SurvivorshipRule.SystemOfRecordWins, ["contacts"] = SurvivorshipRule.MostCompleteWins, ["address"] = SurvivorshipRule.MostCompleteWins },
        FieldSourcePriority = { ["contacts"] = ["coupa"] },
    });

    [Property]
    public Property Golden_record_does_not_depend_on_the_order_of_the_source_records(byte[] picks, int seed)
    {
        var records = Records(picks);
        var shuffled = records.ToArray();
        new Random(seed).Shuffle(shuffled);

        var a = Engine.Merge(records);
        var b = Engine.Merge(shuffled);

        return (a.GoldenId == b.GoldenId
                && a.Fields.SequenceEqual(b.Fields)
                && a.Lineage.SequenceEqual(b.Lineage)
                && a.SourceReferences.SequenceEqual(b.SourceReferences))
            .Label(string.Join(", ", records.Select(r => r.Source)));
    }

    [Property]
    public bool Every_surviving_value_comes_from_the_source_its_lineage_names(byte[] picks)
    {
        var records = Records(picks);
        var golden = Engine.Merge(records);

        return golden.Fields.All(f => f.Value is null
            ? !golden.Lineage.ContainsKey(f.Key)
            : records.Single(r => r.Source == golden.Lineage[f.Key]).Fields[f.Key] == f.Value)
            && golden.SourceReferences.Count == records.Count;
    }
}
