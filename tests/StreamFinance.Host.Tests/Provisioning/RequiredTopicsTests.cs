using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Host.Catalog;
using StreamFinance.Host.Provisioning;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.Table;
using StreamFinance.Kafka;

namespace StreamFinance.Host.Tests.Provisioning;

public class RequiredTopicsTests
{
    /// <summary>Counts expenses per employee: one repartition (re-key by employee) and one store (the count).</summary>
    private sealed class ExpensesPerEmployee : IStreamTopology
    {
        public string Name => "expenses-per-employee";
        public string Description => "test topology";
        public IReadOnlyList<TopicSpec> Inputs => [Topics.Expenses];
        public IReadOnlyList<TopicSpec> Outputs => [];
        public Topic<string, DeadLetter> DeadLetterTopic => Topics.ExpenseDeadLetters;

        public void Build(StreamBuilder builder, TopologyContext context) =>
            builder.Stream(Topics.Expenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>())
                .GroupBy<string, StringSerDes, AvroSerDes<ExpenseLine>>((_, e, _) => e.employeeId, "by-employee")
                .Count(RocksDb.As<string, long>("expense-count").WithKeySerdes<StringSerDes>().WithValueSerdes<Int64SerDes>());
    }

    /// <summary>Writes expense status updates, which no catalog topology writes yet.</summary>
    private sealed class StatusWriter : IStreamTopology
    {
        public string Name => "status-writer";
        public string Description => "test topology";
        public IReadOnlyList<TopicSpec> Inputs => [Topics.ApprovedExpenses];
        public IReadOnlyList<TopicSpec> Outputs => [Topics.ExpenseStatus];
        public Topic<string, DeadLetter> DeadLetterTopic => Topics.ExpenseDeadLetters;

        public void Build(StreamBuilder builder, TopologyContext context) =>
            builder.Stream(Topics.ApprovedExpenses.Name, new StringSerDes(), new ByteArraySerDes(), "status-writer.read")
                .To(Topics.ExpenseStatus.Name, new StringSerDes(), new ByteArraySerDes(), "status-writer.write");
    }

    private static readonly SerDesFactory SerDes = new(new InMemorySchemaRegistryClient());

    [Fact]
    public void Required_topics_are_the_catalog_topics_in_use_plus_each_topology_changelog_and_repartition_topics()
    {
        var streams = new StreamsOptions { ApplicationIdPrefix = "sf" };
        var inUse = ProductTopicUsage.Shipped().InUse;

        var required = RequiredTopics.For(streams, [new ExpensesPerEmployee()], SerDes);

        Assert.Equal(inUse.Select(t => t.Name), required.Take(inUse.Count).Select(r => r.Name));
        var internals = required.Skip(inUse.Count).ToDictionary(r => r.Name);
        Assert.Equal(2, internals.Count);
        var repartition = internals["sf-expenses-per-employee-by-employee-repartition"];
        var changelog = internals["sf-expenses-per-employee-expense-count-changelog"];
        Assert.Equal(Topics.Expenses.Partitions, repartition.Partitions);
        Assert.Equal("delete", repartition.Configs["cleanup.policy"]);
        Assert.Equal(Topics.Expenses.Partitions, changelog.Partitions);
        Assert.Equal("compact", changelog.Configs["cleanup.policy"]);
    }

    [Fact]
    public void A_planned_topic_is_not_required_while_the_topics_of_running_topologies_and_connectors_are()
    {
        var required = RequiredTopics.For(new StreamsOptions(), TopologyCatalog.All, SerDes).Select(r => r.Name).ToList();

        Assert.DoesNotContain(Topics.VendorRequests.Name, required);
        Assert.DoesNotContain(Topics.ApInvoices.Name, required);
        Assert.Contains(Topics.AuditEvents.Name, required);
        Assert.Contains(Topics.Commitments.Name, required);
        Assert.Contains(Topics.ProcurementDeadLetters.Name, required);
        Assert.Contains(Topics.ExpenseDeadLetters.Name, required);
        Assert.Contains(Topics.MasterDataDeadLetters.Name, required);
        Assert.Contains(Topics.GoodsReceipts.Name, required);
        Assert.Contains(Topics.ConnectorOffsets.Name, required);
    }

    [Fact]
    public void A_running_topology_that_writes_a_planned_topic_makes_it_required()
    {
        var required = RequiredTopics.For(new StreamsOptions(), [new StatusWriter()], SerDes).Select(r => r.Name).ToList();

        Assert.Contains(Topics.ExpenseStatus.Name, required);
        Assert.DoesNotContain(Topics.MatchExceptions.Name, required);
    }
}
