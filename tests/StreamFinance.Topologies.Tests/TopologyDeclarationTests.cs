using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Topologies.Docs;
using StreamFinance.Topologies.SerDes;
using StreamFinance.Topologies.Tests.Docs;

namespace StreamFinance.Topologies.Tests;

/// <summary>
/// Provisioning and the docs trust what each topology declares in <c>Inputs</c> and <c>Outputs</c>;
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
}
