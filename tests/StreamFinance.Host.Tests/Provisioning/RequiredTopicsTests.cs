using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Host.Provisioning;
using StreamFinance.Topologies;
using StreamFinance.Topologies.Configuration;
using StreamFinance.Topologies.SerDes;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.Table;

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

    [Fact]
    public void Required_topics_are_the_catalog_plus_each_topology_changelog_and_repartition_topics()
    {
        var streams = new StreamsOptions { ApplicationIdPrefix = "sf" };

        var required = RequiredTopics.For(streams, [new ExpensesPerEmployee()], new SerDesFactory(new InMemorySchemaRegistryClient()));

        Assert.Equal(Topics.All.Select(t => t.Name), required.Take(Topics.All.Count).Select(r => r.Name));
        var internals = required.Skip(Topics.All.Count).ToDictionary(r => r.Name);
        Assert.Equal(2, internals.Count);
        var repartition = internals["sf-expenses-per-employee-by-employee-repartition"];
        var changelog = internals["sf-expenses-per-employee-expense-count-changelog"];
        Assert.Equal(Topics.Expenses.Partitions, repartition.Partitions);
        Assert.Equal("delete", repartition.Configs["cleanup.policy"]);
        Assert.Equal(Topics.Expenses.Partitions, changelog.Partitions);
        Assert.Equal("compact", changelog.Configs["cleanup.policy"]);
    }
}
