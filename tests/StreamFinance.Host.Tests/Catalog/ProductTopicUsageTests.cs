using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Host.Catalog;
using StreamFinance.Host.Configuration;

namespace StreamFinance.Host.Tests.Catalog;

public sealed class ProductTopicUsageTests
{
    private static readonly TopicUsage Shipped = ProductTopicUsage.Shipped();

    [Fact]
    public void What_the_catalog_declares_as_planned_agrees_with_what_the_product_writes_and_reads()
    {
        Assert.Empty(Shipped.Disagreements());
    }

    [Fact]
    public void Each_topology_output_is_written_by_that_topology()
    {
        Assert.Equal("master-data topology", Shipped.WrittenBy(Topics.CostCenters));
        Assert.Equal("expense topology, dlq replay", Shipped.WrittenBy(Topics.ApprovedExpenses));
        Assert.Equal("posting topology, dlq replay", Shipped.WrittenBy(Topics.JournalPostings));
        Assert.Equal("expense topology, posting topology", Shipped.WrittenBy(Topics.ExpenseDeadLetters));
    }

    [Fact]
    public void Master_data_topics_are_read_by_what_really_reads_them_not_by_every_topology()
    {
        Assert.Equal("md get/dump", Shipped.ReadBy(Topics.CostCenters));
        Assert.Equal("validation topology, expense topology, procurement topology, md get/dump", Shipped.ReadBy(Topics.MasterDataHistory));
    }

    [Fact]
    public void Ingest_topics_are_written_by_the_shipped_profiles_that_target_them_and_the_generator()
    {
        Assert.Equal("connectors (profiles concur-expense-entries, expensify-report-export; generator), dlq replay", Shipped.WrittenBy(Topics.Expenses));
        Assert.Equal("connectors (generator)", Shipped.WrittenBy(Topics.GoodsReceipts));
    }

    [Fact]
    public void Audit_events_are_emitted_by_every_flow_chained_by_the_audit_topology_and_read_by_the_index_and_the_audit_commands()
    {
        Assert.Equal(
            "master-data topology, validation topology, expense topology, posting topology, procurement topology, audit topology, audit-index topology, " +
            "connectors (profiles d365-journal-lines, netsuite-journal-entries, sap-supplier-invoices), dlq replay",
            Shipped.WrittenBy(Topics.AuditEmitted));
        Assert.Equal("audit topology", Shipped.ReadBy(Topics.AuditEmitted));
        Assert.Equal("audit topology", Shipped.WrittenBy(Topics.AuditEvents));
        Assert.Equal("audit-index topology, audit verify/trace", Shipped.ReadBy(Topics.AuditEvents));
        Assert.Contains(Topics.AuditEvents, Shipped.InUse);
    }

    [Fact]
    public void The_topics_nothing_writes_yet_are_the_procurement_erp_feedback_and_status_ones()
    {
        Assert.Equal(
            ["erp.ap-invoices", "erp.vendor-requests", "status.expenses", "p2p.match-exceptions"],
            Shipped.Catalog.Where(Shipped.IsPlanned).Select(t => t.Name));
    }

    [Fact]
    public void The_dead_letters_dlq_replay_reads_are_those_of_the_topologies_and_connectors_and_it_writes_back_to_topology_inputs()
    {
        var replay = Shipped.Users.Single(u => u.Name == "dlq replay");

        Assert.Equal(["dlq.ingest", "dlq.master-data", "dlq.expenses", "dlq.procurement", "dlq.erp"], replay.Reads.Select(t => t.Name));
        Assert.Equal(
            ["audit.emitted", "erp.ap-invoices", "erp.commitments", "erp.journal-postings", "erp.vendor-requests", "expense.approved", "ingest.card-transactions", "ingest.expenses",
             "ingest.purchase-orders", "md.history", "md.updates"],
            replay.Writes.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Topics.AuditEvents, replay.Writes);
    }

    [Fact]
    public void A_configured_connector_whose_profile_targets_a_planned_topic_puts_that_topic_in_use()
    {
        var connectors = new Dictionary<string, ConnectorOptions>
        {
            ["status-feed"] = new() { Kind = ConnectorKind.FileDrop, Profile = "status-import" },
            ["switched-off"] = new() { Kind = ConnectorKind.FileDrop, Profile = "vendor-import", Enabled = false },
        };
        var mappers = MapperSource.From(name => name switch
        {
            "status-import" => new TargetOnlyMapper(name, Topics.ExpenseStatus),
            "vendor-import" => new TargetOnlyMapper(name, Topics.VendorRequests),
            _ => throw new KeyNotFoundException(name),
        });

        var usage = ProductTopicUsage.ForPipeline([], connectors, mappers);

        Assert.Contains(Topics.ExpenseStatus, usage.InUse);
        Assert.Equal("connectors (profile status-import)", usage.WrittenBy(Topics.ExpenseStatus));
        Assert.True(usage.IsPlanned(Topics.VendorRequests));
    }

    /// <summary>A profile that only says which topic it writes.</summary>
    private sealed class TargetOnlyMapper(string name, TopicSpec target) : IRecordMapper
    {
        public string ProfileName => name;
        public string ProfileVersion => "1";
        public string SourceSystem => "test";
        public string Format => "csv";
        public IReadOnlyDictionary<string, string> FormatOptions { get; } = new Dictionary<string, string>();
        public TopicSpec TargetTopic => target;
        public MappingResult Map(SourceRecord record, DateTime ingestTime) => throw new NotSupportedException("Only the target topic is used.");
    }
}
