using System.Net;
using StreamFinance.Host.Observability;
using StreamFinance.Host.Tests.Support;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.Host.Tests.Observability;

[Collection(PipelineCollection.Name)]
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_answers_503_before_the_topology_runs_and_200_once_its_stream_thread_runs()
    {
        HealthProbe? beforeStart = null;
        await using var pipeline = await RunningPipeline.StartAsync(onListening: uri =>
        {
            using var http = new HttpClient { BaseAddress = uri };
            beforeStart = HealthProbe.Get(http, ObservabilityEndpoints.ReadyPath);
        });
        var topology = $"topology {pipeline.TopologyName}";

        var seen = await pipeline.WaitUntilReadyAsync();

        Assert.NotNull(beforeStart);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, beforeStart.Status);
        Assert.Equal("not ready", beforeStart.Body.Status);
        Assert.False(beforeStart.Component(topology).Ready);
        Assert.StartsWith("not started", beforeStart.Component(topology).Detail);
        Assert.True(beforeStart.Component("schema-registry").Ready);

        var ready = seen[^1];
        Assert.Equal("ready", ready.Body.Status);
        Assert.True(ready.Component(topology).Ready);
        Assert.Equal("RUNNING, 1 of 1 stream threads running", ready.Component(topology).Detail);
        Assert.Equal(0, await pipeline.StopAsync());
    }

    [Fact]
    public async Task Readiness_turns_503_naming_the_schema_registry_when_it_stops_answering()
    {
        await using var pipeline = await RunningPipeline.StartAsync();
        await pipeline.WaitUntilReadyAsync();
        var url = pipeline.Registry.Url;

        await pipeline.Registry.DisposeAsync();

        var probe = await Wait.UntilAsync("/health/ready to stop answering 200", TimeSpan.FromSeconds(30), () => HealthProbe.GetAsync(pipeline.Http, ObservabilityEndpoints.ReadyPath),
            p => p.Status != HttpStatusCode.OK, p => $"{(int)p.Status} {p.Body}", TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, probe.Status);
        var registry = probe.Component("schema-registry");
        Assert.False(registry.Ready);
        Assert.Contains(url, registry.Detail);
        Assert.True(probe.Component($"topology {pipeline.TopologyName}").Ready);
    }

    [Fact]
    public async Task Liveness_answers_200_while_the_process_runs()
    {
        await using var pipeline = await RunningPipeline.StartAsync();

        var probe = await HealthProbe.GetAsync(pipeline.Http, ObservabilityEndpoints.LivePath);

        Assert.Equal(HttpStatusCode.OK, probe.Status);
        Assert.Equal("live", probe.Body.Status);
    }
}
