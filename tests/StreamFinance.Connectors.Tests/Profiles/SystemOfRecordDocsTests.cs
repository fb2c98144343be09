using System.Text.RegularExpressions;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Ownership;

namespace StreamFinance.Connectors.Tests.Profiles;

/// <summary>The profiles README says which sourceSystem each master-data object type needs; it must say what the default table enforces.</summary>
public sealed class SystemOfRecordDocsTests
{
    [Fact]
    public void The_profiles_README_names_the_default_system_of_record_of_every_object_type_and_the_shipped_profile_that_feeds_it()
    {
        var readme = File.ReadAllText(Path.Combine(ProfileSamples.ProfileDirectory, "README.md"));
        var rows = Regex.Matches(readme, @"^\| ([A-Z_]+) \| ([^|]+) \| ([^|]+) \|$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => (Owners: m.Groups[2].Value.Trim(), Profile: m.Groups[3].Value.Trim()));
        var table = SystemOfRecordOptions.Default();
        using var catalog = new MappingProfileCatalog(ProfileSamples.ProfileDirectory, watch: false);

        Assert.Equal(MasterDataObjectTypes.All.Order(), rows.Keys.Order());
        foreach (var type in MasterDataObjectTypes.All)
        {
            var entry = table.ObjectTypes[type];
            var owners = entry.FieldGroups.Count == 0
                ? string.Join(", ", entry.Owners)
                : string.Join("; ", entry.FieldGroups.GroupBy(g => string.Join(", ", g.Value.Owners), g => g.Key).Select(g => $"{g.Key} ({string.Join(", ", g)})"));
            Assert.Equal(owners, rows[type].Owners);
            if (rows[type].Profile == "none")
                continue;
            var profile = catalog.Get(rows[type].Profile);
            Assert.Equal("md.updates", profile.TargetTopic.Name);
            Assert.Contains(profile.SourceSystem, entry.Owners.Concat(entry.FieldGroups.Values.SelectMany(g => g.Owners)));
        }
    }
}
