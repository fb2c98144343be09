using System.Diagnostics;
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

/// <summary>
/// Issue 11, "broker outages are fatal or invisible": every broker of the embedded cluster goes down for longer than
/// Streamiz's transaction timeout (10 s) while an EXACTLY_ONCE pass-through topology has records in flight, then comes
/// back. On librdkafka 2.16 the stream thread can stay blocked for ever in <c>SendOffsetsToTransaction</c> afterwards
/// (librdkafka issues 5456 and 5511): the topology said RUNNING and ready and processed nothing more.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class BrokerOutageTests(ITestOutputHelper output)
{
    private const int Inputs = 1200;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);

    [Fact(Timeout = 200_000)]
    public async Task An_exactly_once_pipeline_that_loses_every_broker_says_so_while_they_are_down_and_accounts_for_every_input_once_they_are_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pipeline = await RunningPipeline.StartAsync(new Dictionary<string, string?>
        {
            ["Streams:ProcessingGuarantee"] = "EXACTLY_ONCE",
            // The embedded coordinator waits the session timeout for members to rejoin: keep it short, as the demo does.
            ["Streams:SessionTimeoutMs"] = "6000",
            ["Observability:StallSeconds"] = "5",
            ["Supervision:CloseTimeoutSeconds"] = "5",
        });
        await pipeline.WaitUntilReadyAsync();
        var topology = $"topology {pipeline.TopologyName}";

        // A known set of inputs, written at a steady pace from before the outage until after it.
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = pipeline.Cluster.BootstrapServers, EnableIdempotence = true }).Build();
        var producing = Task.Run(async () =>
        {
            for (var i = 0; i < Inputs; i++)
            {
                var key = $"out-{i:D4}";
                producer.Produce(Topics.Expenses.Name, new Message<string, byte[]> { Key = key, Value = Encoding.UTF8.GetBytes($"value of {key}") });
                await Task.Delay(15, ct);
            }
        }, ct);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);

        for (var broker = 1; broker <= pipeline.Cluster.BrokerCount; broker++)
            pipeline.Cluster.SetBrokerDown(broker);
        var duringOutage = new List<HealthProbe>();
        var down = Stopwatch.StartNew();
        while (down.Elapsed < Outage)
        {
            duringOutage.Add(await HealthProbe.GetAsync(pipeline.Http, ObservabilityEndpoints.ReadyPath));
            await Task.Delay(500, ct);
        }
        var consumedAtUp = await Consumed(pipeline);
        for (var broker = 1; broker <= pipeline.Cluster.BrokerCount; broker++)
            pipeline.Cluster.SetBrokerUp(broker);
        var up = Stopwatch.StartNew();
        await producing;
        producer.Flush(ct);

        TimeSpan? firstConsumed = null;
        var outputs = new List<(string Key, byte[] Value)>();
        var expected = Enumerable.Range(0, Inputs).Select(i => $"out-{i:D4}").ToHashSet();
        while (up.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (firstConsumed is null && await Consumed(pipeline) > consumedAtUp)
                firstConsumed = up.Elapsed;
            outputs = TopicReader.ReadKeyed(pipeline.Cluster.BootstrapServers, Topics.ApprovedExpenses.Name);
            if (firstConsumed is null && await Consumed(pipeline) > consumedAtUp)
                firstConsumed = up.Elapsed;
            if (expected.IsSubsetOf(outputs.Select(o => o.Key)))
                break;
            await Task.Delay(1000, ct);
        }
        var caughtUp = expected.IsSubsetOf(outputs.Select(o => o.Key)) ? $"every input at the output after {up.Elapsed.TotalSeconds:0.0} s" : $"inputs still missing after {up.Elapsed.TotalSeconds:0.0} s";
        var ready = await WaitForReadyAsync(pipeline);
        var restarts = PrometheusText.Parse(await pipeline.Http.GetStringAsync(ObservabilityEndpoints.MetricsPath, ct))
            .Matching("streamfinance_topology_restarts_total", ("topology", pipeline.TopologyName)).Where(r => r.Value > 0).Select(r => $"{r.Labels["reason"]} {r.Value}").ToList();
        output.WriteLine($"After the brokers came back: first record consumed after {firstConsumed?.TotalSeconds:0.0} s, {caughtUp}, " +
                         $"ready after {up.Elapsed.TotalSeconds:0.0} s; {outputs.Count} output records for {Inputs} inputs; restarts: {(restarts.Count == 0 ? "none" : string.Join(", ", restarts))}");
        foreach (var detail in duringOutage.Select(p => p.Component(topology).Detail).Distinct().Take(3))
            output.WriteLine($"Readiness during the outage: {detail}");

        var missing = expected.Except(outputs.Select(o => o.Key)).Order().ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {Inputs} inputs never reached {Topics.ApprovedExpenses.Name}, e.g. {string.Join(", ", missing.Take(5))}");
        Assert.Empty(outputs.Select(o => o.Key).Except(expected));
        // Records processed again after the restart are the same records: same key, same bytes, so a consumer keyed by id takes each once.
        Assert.All(outputs, o => Assert.Equal($"value of {o.Key}", Encoding.UTF8.GetString(o.Value)));
        Assert.Contains(duringOutage, p => p.Status == HttpStatusCode.ServiceUnavailable && p.Component(topology).Detail!.StartsWith("Kafka unreachable for ", StringComparison.Ordinal));
        Assert.Equal("RUNNING, 1 of 1 stream threads running", ready.Component(topology).Detail);
    }

    private static async Task<double> Consumed(RunningPipeline pipeline) =>
        PrometheusText.Parse(await pipeline.Http.GetStringAsync(ObservabilityEndpoints.MetricsPath, TestContext.Current.CancellationToken))
            .Value("streamfinance_records_consumed_total", ("topology", pipeline.TopologyName), ("topic", Topics.Expenses.Name)) ?? 0;

    private static Task<HealthProbe> WaitForReadyAsync(RunningPipeline pipeline) =>
        Wait.UntilAsync("/health/ready to answer 200 after the outage", TimeSpan.FromSeconds(20), () => HealthProbe.GetAsync(pipeline.Http, ObservabilityEndpoints.ReadyPath),
            probe => probe.Status == HttpStatusCode.OK, probe => $"{(int)probe.Status} {probe.Body}", TimeSpan.FromMilliseconds(250));
}
