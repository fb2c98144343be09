using System.Text.RegularExpressions;
using Avro.Specific;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Contracts.Tests.Catalog;

public class TopicCatalogTests
{
    [Fact]
    public void Every_topic_name_is_declared_once_and_is_a_legal_Kafka_name()
    {
        var names = Topics.All.Select(t => t.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches(new Regex("^[a-z0-9._-]{1,200}$"), n));
    }

    [Fact]
    public void Every_public_catalog_field_is_listed_in_All()
    {
        var declared = typeof(Topics).GetFields().Where(f => f.FieldType.IsAssignableTo(typeof(TopicSpec)))
            .Select(f => ((TopicSpec)f.GetValue(null)!).Name).OrderBy(n => n);

        Assert.Equal(declared, Topics.All.Select(t => t.Name).OrderBy(n => n));
    }

    [Fact]
    public void Every_value_is_a_generated_Avro_record_and_every_key_a_string()
    {
        Assert.All(Topics.All, t =>
        {
            Assert.True(t.ValueType.IsAssignableTo(typeof(ISpecificRecord)), $"{t.Name}: {t.ValueType}");
            Assert.Equal(typeof(string), t.KeyType);
        });
    }

    [Fact]
    public void Canonical_master_data_topics_are_compacted_and_kept_forever()
    {
        var masterData = Topics.All.Where(t => t.Name.StartsWith("md.", StringComparison.Ordinal) && t.Name != "md.updates").ToList();

        Assert.Equal(14, masterData.Count);
        Assert.All(masterData, t =>
        {
            Assert.Equal(CleanupPolicy.Compact, t.Cleanup);
            Assert.Equal("compact", t.KafkaConfigs()["cleanup.policy"]);
            Assert.Equal("-1", t.KafkaConfigs()["retention.ms"]);
        });
    }

    [Fact]
    public void Dead_letter_and_audit_topics_keep_records_for_at_least_90_days()
    {
        var longLived = Topics.All.Where(t => t.Name.StartsWith("dlq.", StringComparison.Ordinal) || t.Name == "audit.events").ToList();

        Assert.Equal(6, longLived.Count);
        Assert.All(longLived, t =>
        {
            Assert.Equal(CleanupPolicy.Delete, t.Cleanup);
            Assert.True(t.Retention >= TimeSpan.FromDays(90), t.Name);
        });
    }

    [Fact]
    public void Value_subject_follows_the_topic_naming_strategy()
    {
        Assert.Equal("md.cost-centers-value", Topics.CostCenters.ValueSubject);
    }

    [Fact]
    public void Unknown_topic_lookup_names_the_topic()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Topics.ByName("ingest.typo"));
        Assert.Contains("ingest.typo", e.Message);
    }
}
