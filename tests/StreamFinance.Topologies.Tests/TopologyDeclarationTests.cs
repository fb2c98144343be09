using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka;
using StreamFinance.Kafka.Docs;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Topologies.Tests.Docs;
using StreamFinance.Topologies.Validation;

namespace StreamFinance.Topologies.Tests;

/// <summary>
/// The topic usage, provisioning and the docs trust what each topology declares in <c>Inputs</c> and <c>Outputs</c>;
/// these tests hold the declaration to what the built Streamiz topology really reads and writes.
/// </summary>
public sealed class TopologyDeclarationTests
{
    public static TheoryData<string> CatalogTopologies() => new(TopologyCatalog.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(CatalogTopologies))]
    public void Every_catalog_topology_declares_exactly_the_topics_its_built_topology_reads_and_writes(string name)
    {
        var topology = TopologyCatalog.All.Single(t => t.Name == name);

        Assert.Empty(DeclaredTopics.Check(topology));
    }

    [Fact]
    public void A_declared_input_the_topology_does_not_read_and_a_sink_it_does_not_declare_are_reported()
    {
        var misdeclared = new DelegateTopology("misdeclared", [Topics.Expenses, Topics.CardTransactions], [Topics.ApprovedExpenses], (builder, context) =>
            builder.Stream(Topics.Expenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "misdeclared.read")
                .To(Topics.ApprovedExpenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "misdeclared.write"));
        var undeclaredSink = new DelegateTopology("undeclared", [Topics.Expenses], [], (builder, context) =>
            builder.Stream(Topics.Expenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "undeclared.read")
                .To(Topics.ApprovedExpenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "undeclared.write"));

        Assert.Equal(["Declares `ingest.card-transactions` in `Inputs` but does not read it."], DeclaredTopics.Check(misdeclared));
        Assert.Equal(["Writes `expense.approved` but does not declare it in `Outputs`."], DeclaredTopics.Check(undeclaredSink));
    }

    [Fact]
    public void A_topology_reads_its_inputs_and_writes_its_outputs_and_its_dead_letter_topic()
    {
        var validation = TopologyTopicUser.Of(new ValidationTopology());

        Assert.Equal(TopicUserKind.Topology, validation.Kind);
        Assert.Equal("validation topology", validation.Name);
        Assert.Equal([Topics.MasterDataHistory.Name], validation.Reads.Select(t => t.Name));
        // No sink writes dlq.master-data: the Streamiz exception handlers dead-letter what the global table cannot read (and audit it).
        Assert.Equal([Topics.MasterDataDeadLetters.Name, Topics.AuditEmitted.Name], validation.Writes.Select(t => t.Name));
    }
}
