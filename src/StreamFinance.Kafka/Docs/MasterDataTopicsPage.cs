using System.Text.RegularExpressions;
using Avro;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Domain.MasterData.Ownership;
using static StreamFinance.Kafka.Docs.MarkdownWriter;

namespace StreamFinance.Kafka.Docs;

/// <summary>
/// Renders <c>topology-docs/master-data-topics.md</c> for data teams: each compacted <c>md.*</c> topic with its key,
/// its system of record (the default table; deployments may override it under <c>MasterData:SystemOfRecord</c>) and
/// every field of its value schema with the schema's own <c>doc</c>.
/// </summary>
internal static partial class MasterDataTopicsPage
{
    /// <summary>File name of the page.</summary>
    public const string FileName = "master-data-topics.md";

    /// <summary>The page's Markdown.</summary>
    public static string Render(IReadOnlyList<TopicSpec> catalog, SystemOfRecordTable systemOfRecord)
    {
        var page = new MarkdownWriter()
            .Heading(1, "Master-data topics")
            .Line(TopologyPage.GeneratedNotice)
            .Line()
            .Line("The canonical master-data topics are compacted: read each from the beginning to get the latest value per key (`streamfinance md dump <topic>`, " +
                  "or a KTable/GlobalKTable). Deactivations are status changes with an effective date; a tombstone (null value) means a true delete. " +
                  "What was in force on a past date is in `md.history`. Values are Avro, registered under `<topic>-value`.")
            .Line();
        foreach (var topic in catalog.Where(t => t.Name.StartsWith("md.", StringComparison.Ordinal) && t.Cleanup == CleanupPolicy.Compact))
        {
            page.Heading(2, Code(topic.Name))
                .Line(topic.Description)
                .Line()
                .Line($"- Key: {topic.KeyDescription}")
                .Line($"- Value: {Code(topic.ValueType.Name)}, {topic.Partitions} partitions")
                .Line($"- System of record: {Owners(topic, systemOfRecord)}")
                .Line();
            var schema = (RecordSchema)Schema.Parse(SchemaText(topic.ValueType));
            page.Table(["Field", "Type", "Meaning"], schema.Fields.Select(f => (IReadOnlyList<string>)[Code(f.Name), TypeName(f.Schema), f.Documentation ?? ""]), "");
        }
        return page.ToString().TrimEnd('\n') + "\n";
    }

    private static string Owners(TopicSpec topic, SystemOfRecordTable table)
    {
        var objectType = UpperSnake().Replace(topic.ValueType.Name, "$1_$2").ToUpperInvariant();
        if (!Domain.MasterData.MasterDataObjectTypes.IsKnown(objectType))
            return $"the master-data topology derives it from {Code("md.updates")}";
        var groups = table.FieldGroupsOf(objectType).Where(g => g != SystemOfRecordTable.WholeObject).ToList();
        var whole = string.Join(", ", table.OwnersOf(objectType).Select(Code));
        return groups.Count == 0
            ? whole
            : $"{whole}; per field group: " + string.Join("; ", groups.Select(g => $"{g} {string.Join(", ", table.OwnersOf(objectType, g).Select(Code))}"));
    }

    private static string SchemaText(Type recordType) => SerDes.GeneratedSchema.Of(recordType).ToString();

    private static string TypeName(Schema schema) => schema switch
    {
        UnionSchema u => string.Join(" or ", u.Schemas.Select(TypeName)),
        LogicalSchema l when l.LogicalTypeName == "decimal" => $"decimal({l.GetProperty("precision")},{l.GetProperty("scale")})",
        LogicalSchema l => l.LogicalTypeName,
        ArraySchema a => $"array of {TypeName(a.ItemSchema)}",
        MapSchema m => $"map of {TypeName(m.ValueSchema)}",
        NamedSchema n => n.Name,
        _ => schema.Tag.ToString().ToLowerInvariant(),
    };

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex UpperSnake();
}
