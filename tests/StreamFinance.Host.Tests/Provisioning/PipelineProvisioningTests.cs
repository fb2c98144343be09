using StreamFinance.Contracts.Catalog;
using StreamFinance.Host.Tests.Support;

namespace StreamFinance.Host.Tests.Provisioning;

/// <summary>What <c>run</c> and <c>demo</c> create before the topologies start.</summary>
[Collection(PipelineCollection.Name)]
public sealed class PipelineProvisioningTests
{
    [Fact]
    public async Task A_pipeline_creates_the_topics_in_use_and_not_the_planned_ones()
    {
        await using var pipeline = await RunningPipeline.StartAsync();

        var topics = pipeline.Cluster.Topics;

        Assert.True(topics.ContainsKey(Topics.ExpenseDeadLetters.Name));
        Assert.True(topics.ContainsKey(Topics.JournalPostings.Name));
        Assert.True(topics.ContainsKey(Topics.ConnectorOffsets.Name));
        Assert.True(topics.ContainsKey(Topics.AuditEvents.Name));
        Assert.False(topics.ContainsKey(Topics.VendorRequests.Name));
        Assert.False(topics.ContainsKey(Topics.ApInvoices.Name));
        Assert.False(topics.ContainsKey(Topics.MatchExceptions.Name));
        Assert.True(topics.ContainsKey(Topics.Commitments.Name));
        Assert.True(topics.ContainsKey(Topics.ProcurementDeadLetters.Name));
    }
}
