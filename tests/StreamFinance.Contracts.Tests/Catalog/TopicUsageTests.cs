using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Contracts.Tests.Catalog;

public class TopicUsageTests
{
    private static readonly TopicUser Expense = new(TopicUserKind.Topology, "expense topology", [Topics.Expenses], [Topics.ApprovedExpenses, Topics.ExpenseDeadLetters]);
    private static readonly TopicUser Replay = new(TopicUserKind.Command, "dlq replay", [Topics.ExpenseDeadLetters], [Topics.Expenses, Topics.ApInvoices]);

    [Fact]
    public void A_topology_output_is_written_by_that_topology_and_its_input_read_by_it()
    {
        var usage = TopicUsage.Of(Topics.All, [Expense]);

        Assert.Equal("expense topology", usage.WrittenBy(Topics.ApprovedExpenses));
        Assert.Equal("expense topology", usage.ReadBy(Topics.Expenses));
        Assert.False(usage.IsPlanned(Topics.ApprovedExpenses));
        Assert.Contains(Topics.ApprovedExpenses, usage.InUse);
    }

    [Fact]
    public void A_topic_nothing_writes_is_planned_shows_its_declared_plan_and_is_not_in_use()
    {
        var usage = TopicUsage.Of(Topics.All, [Expense]);

        Assert.True(usage.IsPlanned(Topics.VendorRequests));
        Assert.Equal("planned: onboarding topology (issue 19)", usage.WrittenBy(Topics.VendorRequests));
        Assert.DoesNotContain(Topics.VendorRequests, usage.InUse);
    }

    [Fact]
    public void A_command_writing_records_back_does_not_make_a_planned_topic_live()
    {
        var usage = TopicUsage.Of(Topics.All, [Expense, Replay]);

        Assert.True(usage.IsPlanned(Topics.ApInvoices));
        Assert.Equal("planned: three-way match topology (issue 17)", usage.WrittenBy(Topics.ApInvoices));
        Assert.True(usage.IsPlanned(Topics.Expenses));
    }

    [Fact]
    public void Connectors_are_named_as_one_group_with_the_profiles_and_generator_that_write()
    {
        var usage = TopicUsage.Of(Topics.All,
        [
            new TopicUser(TopicUserKind.Connectors, "connectors", [Topics.ConnectorOffsets], [Topics.IngestDeadLetters, Topics.ConnectorOffsets]),
            new TopicUser(TopicUserKind.Generator, "generator", [], [Topics.Expenses, Topics.GoodsReceipts]),
            new TopicUser(TopicUserKind.ConnectorProfile, "expensify-report-export", [], [Topics.Expenses]),
            new TopicUser(TopicUserKind.ConnectorProfile, "concur-expense-entries", [], [Topics.Expenses]),
            Replay,
        ]);

        Assert.Equal("connectors (profiles concur-expense-entries, expensify-report-export; generator), dlq replay", usage.WrittenBy(Topics.Expenses));
        Assert.Equal("connectors (generator)", usage.WrittenBy(Topics.GoodsReceipts));
        Assert.Equal("connectors", usage.WrittenBy(Topics.IngestDeadLetters));
        Assert.Equal("connectors", usage.ReadBy(Topics.ConnectorOffsets));
    }

    [Fact]
    public void A_topic_nothing_reads_says_so_or_shows_its_planned_readers()
    {
        var usage = TopicUsage.Of(Topics.All, [Expense]);

        Assert.Equal("nothing yet", usage.ReadBy(Topics.JournalPostings));
        Assert.Equal("planned: three-way match topology (issue 17)", usage.ReadBy(Topics.GoodsReceipts));
    }

    [Fact]
    public void A_written_topic_that_still_declares_planned_writers_is_a_disagreement()
    {
        var match = new TopicUser(TopicUserKind.Topology, "match topology", [Topics.GoodsReceipts], [Topics.ApInvoices]);

        var sentences = TopicUsage.Of(Topics.All, [match]).Disagreements();

        Assert.Contains("`erp.ap-invoices` is written by match topology but still declares planned writers (three-way match topology (issue 17)); remove PlannedWriters.", sentences);
        Assert.Contains("`ingest.goods-receipts` is read by match topology but still declares planned readers (three-way match topology (issue 17)); remove PlannedReaders.", sentences);
    }

    [Fact]
    public void A_topic_nothing_writes_without_a_declared_plan_is_a_disagreement()
    {
        var sentences = TopicUsage.Of(Topics.All, [Expense]).Disagreements();

        Assert.Contains("`ingest.expenses`: nothing writes it; declare its PlannedWriters (what will write it and the issue that tracks it).", sentences);
        Assert.DoesNotContain(sentences, s => s.StartsWith("`erp.vendor-requests`", StringComparison.Ordinal));
    }

    [Fact]
    public void A_component_using_a_topic_outside_the_catalog_is_refused_naming_it()
    {
        var stray = Topics.Expenses with { Name = "scratch.expenses" };

        var e = Assert.Throws<ArgumentException>(() => TopicUsage.Of(Topics.All, [new TopicUser(TopicUserKind.Topology, "stray topology", [stray], [])]));

        Assert.Contains("stray topology uses 'scratch.expenses'", e.Message);
    }
}
