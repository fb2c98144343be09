using System.Net;
using System.Text;
using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Host.Observability;
using StreamFinance.Host.Tests.Support;
using StreamFinance.TestSupport.Kafka;
using StreamFinance.TestSupport.Metrics;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.Host.Tests.Runtime;

/// <summary>Issue 11: a stream thread that died was never replaced, and its topology stopped for good.</summary>
[Collection(PipelineCollection.Name)]
public sealed class StreamReplacementTests
{
    [Fact(Timeout = 150_000)]
    public async Task A_stream_whose_only_thread_dies_is_replaced_and_the_record_it_died_on_is_processed()
    {
        var ct = TestContext.Current.CancellationToken;
        var name = $"fail-{Guid.NewGuid():N}"[..13];
        await using var pipeline = await RunningPipeline.StartAsync(
            new Dictionary<string, string?> { ["Streams:SessionTimeoutMs"] = "6000" }, topologies: [new FailOnceTopology(name)]);
        await pipeline.WaitUntilReadyAsync();
        string[] keys = ["before-1", "before-2", FailOnceTopology.FailingKey, "after-1", "after-2"];

        using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = pipeline.Cluster.BootstrapServers }).Build())
            foreach (var key in keys)
                await producer.ProduceAsync(Topics.Expenses.Name, new Message<string, byte[]> { Key = key, Value = Encoding.UTF8.GetBytes(key) }, ct);

        var outputs = await Wait.UntilAsync($"every key at {Topics.ApprovedExpenses.Name}", TimeSpan.FromSeconds(40),
            () => Task.FromResult(TopicReader.ReadKeyed(pipeline.Cluster.BootstrapServers, Topics.ApprovedExpenses.Name)),
            o => keys.All(k => o.Any(r => r.Key == k)), o => $"keys [{string.Join(", ", o.Select(r => r.Key).Distinct())}]", TimeSpan.FromMilliseconds(500));
        var ready = await Wait.UntilAsync("/health/ready to answer 200", TimeSpan.FromSeconds(20), () => HealthProbe.GetAsync(pipeline.Http, ObservabilityEndpoints.ReadyPath),
            p => p.Status == HttpStatusCode.OK, p => $"{(int)p.Status} {p.Body}", TimeSpan.FromMilliseconds(500));
        var metrics = PrometheusText.Parse(await pipeline.Http.GetStringAsync(ObservabilityEndpoints.MetricsPath, ct));

        Assert.Equal(keys.Order(), outputs.Select(o => o.Key).Distinct().Order());
        Assert.All(outputs, o => Assert.Equal(o.Key, Encoding.UTF8.GetString(o.Value)));
        Assert.Equal("RUNNING, 1 of 1 stream threads running", ready.Component($"topology {name}").Detail);
        Assert.Equal(1, metrics.Value("streamfinance_topology_restarts_total", ("topology", name), ("reason", "error")));
        Assert.Equal(0, metrics.Value("streamfinance_topology_restarts_total", ("topology", name), ("reason", "stalled")));
        var restart = Assert.Single(pipeline.Log.Lines, l => l.Contains("replacing its stream", StringComparison.Ordinal));
        Assert.Contains($"Topology {name}: replacing its stream (restart 1 in a row, 1 s after the trouble was seen, reason error) because its stream is in state ERROR", restart);
    }
}
