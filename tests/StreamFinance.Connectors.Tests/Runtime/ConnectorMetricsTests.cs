using System.Text;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Tests.Support;

namespace StreamFinance.Connectors.Tests.Runtime;

public class ConnectorMetricsTests
{
    [Fact]
    public async Task Records_are_counted_per_connector_as_read_produced_and_dead_lettered()
    {
        var t = new TestConnector("metrics-probe");
        var csv = TestConnector.Csv(5, i => i == 2 ? "x" : "1.00");
        var batch = new IngestBatch("m.csv", IngestItems.Read(new LineCsvFormat(), new ExpenseRowMapper(), Encoding.UTF8.GetBytes(csv), "m.csv", DateTime.UtcNow));

        await new IngestPipeline(t.Context).IngestAsync(batch, TestContext.Current.CancellationToken);

        double Count(string outcome) => t.Context.Metrics.RecordsOf("metrics-probe", outcome);
        Assert.Equal((5d, 4d, 1d), (Count(ConnectorMetrics.Read), Count(ConnectorMetrics.Produced), Count(ConnectorMetrics.DeadLettered)));
    }

    [Fact]
    public void Health_is_exported_as_up_last_success_errors_and_retries()
    {
        var metrics = ConnectorMetrics.Detached();
        var health = new ConnectorHealth("health-probe", metrics: metrics);
        Assert.Equal(0, metrics.Up.WithLabels("health-probe").Value);

        health.Started();
        health.Retried();
        health.Succeeded();
        Assert.Equal(1, metrics.Up.WithLabels("health-probe").Value);
        Assert.True(metrics.LastSuccess.WithLabels("health-probe").Value > 1_700_000_000);
        Assert.Equal(1, metrics.Retries.WithLabels("health-probe").Value);

        health.Failed("API answered 500");
        Assert.Equal(0, metrics.Up.WithLabels("health-probe").Value);
        Assert.Equal(1, metrics.Errors.WithLabels("health-probe").Value);
        Assert.Contains("down", health.Describe());
        Assert.Contains("API answered 500", health.Describe());
    }
}
