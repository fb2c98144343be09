using System.Text.RegularExpressions;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Kafka.Internal;
using StreamFinance.Topologies.MasterData;

namespace StreamFinance.Topologies.Tests.MasterData;

public sealed class MasterDataTopologyShapeTests : IDisposable
{
    private readonly MasterDataDriver md = new();

    [Fact]
    public void Every_processor_store_branch_and_repartition_has_an_explicit_master_data_name()
    {
        var description = md.Topology.Describe().ToString()!;

        // Streamiz 1.8.2 cannot name the sink, null-key filter and source it adds for Repartition(); the topic itself is named.
        var generated = Regex.Matches(description, @"K(STREAM|TABLE)-[A-Z]+-\d+").Select(m => Regex.Replace(m.Value, @"\d+$", "")).Distinct().Order();
        Assert.Equal(["KSTREAM-FILTER-", "KSTREAM-SINK-", "KSTREAM-SOURCE-"], generated);
        Assert.Contains("(topics: [master-data.suppliers-all-repartition])", description);
        Assert.Contains("(topic: master-data.suppliers-all-repartition)", description);
        Assert.All(
            [MasterDataNames.Validate, MasterDataNames.Apply, MasterDataNames.ApplyOutcome, MasterDataNames.HistorySink, MasterDataNames.Canonical,
             MasterDataNames.SuppliersRekey, MasterDataNames.SupplierMastering, MasterDataNames.HistoryStore, MasterDataNames.SupplierSourcesStore,
             MasterDataNames.SupplierIndexStore, MasterDataNames.SupplierPairsStore, MasterDataNames.SupplierGoldenStore],
            name => Assert.Contains(name, description));
    }

    [Fact]
    public void The_internal_topics_are_five_store_changelogs_and_the_single_partition_supplier_repartition()
    {
        var topics = InternalTopics.For(md.Topology, "streamfinance-master-data", name => Topics.All.Single(t => t.Name == name).Partitions);

        Assert.Equal(
            [
                ("streamfinance-master-data-master-data.history-changelog", 6),
                ("streamfinance-master-data-master-data.supplier-golden-changelog", 1),
                ("streamfinance-master-data-master-data.supplier-index-changelog", 1),
                ("streamfinance-master-data-master-data.supplier-pairs-changelog", 1),
                ("streamfinance-master-data-master-data.supplier-sources-changelog", 1),
                ("streamfinance-master-data-master-data.suppliers-all-repartition", 1),
            ],
            topics.Select(t => (t.Name, t.Partitions)));
    }

    [Fact]
    public void The_topology_is_in_the_catalog_and_declares_the_topics_it_reads_and_writes()
    {
        var topology = Assert.Single(TopologyCatalog.All, t => t.Name == MasterDataNames.Topology);

        Assert.Equal([Topics.MasterDataUpdates.Name], topology.Inputs.Select(t => t.Name));
        Assert.Equal(Topics.MasterDataDeadLetters, topology.DeadLetterTopic);
        Assert.Equivalent(
            new TopicSpec[] { Topics.MasterDataHistory, Topics.CostCenters, Topics.Projects, Topics.GlAccounts, Topics.TaxCodes, Topics.LegalEntities, Topics.Employees,
                Topics.FxRates, Topics.AccountingPeriods, Topics.Budgets, Topics.ExpenseCategories, Topics.ItemCategories, Topics.Suppliers, Topics.SupplierDuplicates, Topics.MasterDataDeadLetters }.Select(t => t.Name).Order(),
            topology.Outputs.Select(t => t.Name).Order());
    }

    public void Dispose() => md.Dispose();
}
