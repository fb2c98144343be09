using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;
using Streamiz.Kafka.Net.Table;
using StreamFinance.Kafka.Internal;

namespace StreamFinance.Topologies.Tests;

public sealed class InternalTopicsTests
{
    private const string AppId = "expense-app";

    private static readonly Dictionary<string, int> SourcePartitions = new()
    {
        ["expenses"] = 6,
        ["employees"] = 3,
        ["cost-centers"] = 2,
        ["card-transactions"] = 8,
    };

    [Fact]
    public void A_ktable_a_grouped_count_and_a_global_ktable_need_two_changelogs_and_one_repartition_topic()
    {
        var builder = new StreamBuilder();
        builder.Table("employees", new StringSerDes(), new StringSerDes(), InMemory.As<string, string>("employee-store"));
        var costCenters = builder.GlobalTable("cost-centers", new StringSerDes(), new StringSerDes(), InMemory.As<string, string>("cost-center-store"));
        builder.Stream("expenses", new StringSerDes(), new StringSerDes())
            .Join(costCenters, (key, _) => key, (expense, _) => expense)
            .GroupBy<string, StringSerDes, StringSerDes>((_, value, _) => value.Split('|')[0], "expense-by-employee")
            .Count(InMemory.As<string, long>("expense-count"))
            .ToStream()
            .MapValues((count, _) => count.ToString())
            .To("expense-counts", new StringSerDes(), new StringSerDes());

        var topics = InternalTopics.For(builder.Build(), AppId, topic => SourcePartitions[topic]);

        Assert.Equal(
            [
                new InternalTopic("expense-app-employee-store-changelog", 3, Compacted: true, InternalTopic.ChangelogKind),
                new InternalTopic("expense-app-expense-by-employee-repartition", 6, Compacted: false, InternalTopic.RepartitionKind),
                new InternalTopic("expense-app-expense-count-changelog", 6, Compacted: true, InternalTopic.ChangelogKind),
            ],
            topics);
    }

    [Fact]
    public void A_store_with_logging_disabled_needs_no_changelog()
    {
        var builder = new StreamBuilder();
        builder.Table("employees", new StringSerDes(), new StringSerDes(),
            InMemory.As<string, string>("employee-store").WithLoggingDisabled());

        var topics = InternalTopics.For(builder.Build(), AppId, topic => SourcePartitions[topic]);

        Assert.Empty(topics);
    }

    [Fact]
    public void A_repartition_fed_by_merged_streams_takes_the_largest_source_partition_count()
    {
        var builder = new StreamBuilder();
        var expenses = builder.Stream("expenses", new StringSerDes(), new StringSerDes());
        var cards = builder.Stream("card-transactions", new StringSerDes(), new StringSerDes());
        expenses.Merge(cards)
            .GroupBy<string, StringSerDes, StringSerDes>((_, value, _) => value, "spend-by-employee")
            .Count(InMemory.As<string, long>("spend-count"));

        var topics = InternalTopics.For(builder.Build(), AppId, topic => SourcePartitions[topic]);

        Assert.Equal(8, topics.Single(t => t.Name == "expense-app-spend-by-employee-repartition").Partitions);
        Assert.Equal(8, topics.Single(t => t.Name == "expense-app-spend-count-changelog").Partitions);
    }

    [Fact]
    public void A_repartition_with_a_fixed_partition_count_keeps_it_and_its_downstream_changelog_follows()
    {
        var builder = new StreamBuilder();
        builder.Stream("expenses", new StringSerDes(), new StringSerDes())
            .Repartition(Repartitioned<string, string>.As("expense-rekeyed").WithNumberOfPartitions(2))
            .GroupByKey()
            .Count(InMemory.As<string, long>("rekeyed-count"));

        var topics = InternalTopics.For(builder.Build(), AppId, topic => SourcePartitions[topic]);

        Assert.Equal(
            [
                new InternalTopic("expense-app-expense-rekeyed-repartition", 2, Compacted: false, InternalTopic.RepartitionKind),
                new InternalTopic("expense-app-rekeyed-count-changelog", 2, Compacted: true, InternalTopic.ChangelogKind),
            ],
            topics);
    }

    [Fact]
    public void A_chain_of_repartitions_propagates_the_source_partition_count()
    {
        var builder = new StreamBuilder();
        builder.Stream("employees", new StringSerDes(), new StringSerDes())
            .SelectKey<string>((_, value, _) => value)
            .Repartition(Repartitioned<string, string>.As("first"))
            .SelectKey<string>((key, _, _) => key)
            .Repartition(Repartitioned<string, string>.As("second"))
            .To("employees-rekeyed");

        var topics = InternalTopics.For(builder.Build(), AppId, topic => SourcePartitions[topic]);

        Assert.Equal([("expense-app-first-repartition", 3), ("expense-app-second-repartition", 3)], topics.Select(t => (t.Name, t.Partitions)));
    }

    [Fact]
    public void Only_external_source_topics_are_asked_for_their_partition_count()
    {
        var asked = new List<string>();
        var builder = new StreamBuilder();
        builder.GlobalTable("cost-centers", new StringSerDes(), new StringSerDes(), InMemory.As<string, string>("cost-center-store"));
        builder.Stream("expenses", new StringSerDes(), new StringSerDes())
            .GroupBy<string, StringSerDes, StringSerDes>((_, value, _) => value, "by-value")
            .Count(InMemory.As<string, long>("value-count"));

        InternalTopics.For(builder.Build(), AppId, topic =>
        {
            asked.Add(topic);
            return SourcePartitions[topic];
        });

        Assert.Equal(["expenses"], asked.Distinct());
    }

    [Fact]
    public void A_source_topic_reported_with_no_partitions_is_rejected_by_name()
    {
        var builder = new StreamBuilder();
        builder.Table("employees", new StringSerDes(), new StringSerDes(), InMemory.As<string, string>("employee-store"));

        var error = Assert.Throws<InvalidOperationException>(() => InternalTopics.For(builder.Build(), AppId, _ => 0));

        Assert.Contains("'employees'", error.Message);
    }
}
