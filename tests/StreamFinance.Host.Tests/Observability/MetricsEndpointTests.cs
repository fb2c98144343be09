using System.Net;
using System.Net.Sockets;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Host.Observability;
using StreamFinance.Host.Tests.Cli;
using StreamFinance.Host.Tests.Support;
using StreamFinance.TestSupport.Metrics;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.Host.Tests.Observability;

[Collection(PipelineCollection.Name)]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_show_records_latency_streamiz_sensors_and_kafka_consumer_lag_of_a_running_topology()
    {
        await using var pipeline = await RunningPipeline.StartAsync();
        await pipeline.WaitUntilReadyAsync();
        (string, string) topology = ("topology", pipeline.TopologyName);

        await pipeline.ProduceExpensesAsync(5);
        var text = await Eventually(pipeline, t =>
            t.Value("streamfinance_records_produced_total", topology, ("topic", Topics.ApprovedExpenses.Name)) == 5
            && t.Matching("streamfinance_kafka_consumer_lag", ("topic", Topics.Expenses.Name)).Any());

        Assert.Equal(5, text.Value("streamfinance_records_consumed_total", topology, ("topic", Topics.Expenses.Name)));
        Assert.Equal(5, text.Value("streamfinance_processing_latency_seconds_count", topology));
        Assert.Equal(1, text.Value("streamfinance_streamiz_client_stream_threads", topology));
        Assert.NotEmpty(text.Matching("streamfinance_streamiz_thread_commit_latency_avg_seconds", topology));
        // librdkafka reports lag for the partitions whose position it knows; each is one of the topic's partitions.
        var lag = text.Matching("streamfinance_kafka_consumer_lag", ("topic", Topics.Expenses.Name)).ToList();
        Assert.All(lag, l =>
        {
            Assert.Contains(pipeline.TopologyName, l.Labels["client"]);
            Assert.InRange(int.Parse(l.Labels["partition"], System.Globalization.CultureInfo.InvariantCulture), 0, Topics.Expenses.Partitions - 1);
            Assert.True(l.Value >= 0);
        });
    }

    [Fact]
    public async Task Metrics_are_served_in_the_prometheus_text_format()
    {
        await using var pipeline = await RunningPipeline.StartAsync();

        using var response = await pipeline.Http.GetAsync(ObservabilityEndpoints.MetricsPath, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = PrometheusText.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, text.Value("streamfinance_records_consumed_total", ("topology", pipeline.TopologyName), ("topic", Topics.Expenses.Name)));
        Assert.Contains("# TYPE streamfinance_processing_latency_seconds histogram", text.Text);
    }

    [Fact]
    public async Task A_metrics_port_in_use_fails_start_up_with_exit_code_2_naming_the_port_and_the_setting()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var result = await CliRunner.RunAsync("demo", "--duration", "60", "--set", $"Observability:MetricsPort={port}", "--set", "Api:Port=0");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains($"Observability:MetricsPort {port}", line);
        Assert.Contains("already in use", line);
    }

    private static Task<PrometheusText> Eventually(RunningPipeline pipeline, Func<PrometheusText, bool> done) =>
        Wait.UntilAsync("the expected series on /metrics", TimeSpan.FromSeconds(30),
            async () => PrometheusText.Parse(await pipeline.Http.GetStringAsync(ObservabilityEndpoints.MetricsPath, TestContext.Current.CancellationToken)),
            done, text => Environment.NewLine + text.Text, TimeSpan.FromMilliseconds(250));
}
