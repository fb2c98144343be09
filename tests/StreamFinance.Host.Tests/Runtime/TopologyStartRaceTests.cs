using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Embedded.Broker;
using StreamFinance.Host.Runtime;
using StreamFinance.Host.Tests.Support;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.SerDes;
using StreamFinance.TestSupport.Files;
using StreamFinance.TestSupport.Waiting;
using Streamiz.Kafka.Net.Errors;

namespace StreamFinance.Host.Tests.Runtime;

public class TopologyStartRaceTests
{
    [Fact]
    public void The_global_threads_seek_before_its_assignment_is_in_effect_is_retried()
    {
        // What Streamiz 1.8 throws from GlobalStreamThread.InitializeStateConsumer when librdkafka refuses the seek.
        var error = new StreamsException("Exception caught during initialization of GlobalStreamThread", new KafkaException(ErrorCode.Local_State));

        Assert.True(TopologyService.IsStartRace(error));
    }

    [Theory]
    [InlineData(ErrorCode.Local_Transport)]
    [InlineData(ErrorCode.Local_AllBrokersDown)]
    [InlineData(ErrorCode.TopicAuthorizationFailed)]
    public void Any_other_Kafka_failure_of_the_start_is_real_and_not_retried(ErrorCode code)
    {
        Assert.False(TopologyService.IsStartRace(new StreamsException("start failed", new KafkaException(code))));
    }

    [Fact]
    public void A_failure_outside_Streamiz_is_not_retried_even_with_that_Kafka_error()
    {
        Assert.False(TopologyService.IsStartRace(new KafkaException(ErrorCode.Local_State)));
        Assert.False(TopologyService.IsStartRace(new InvalidOperationException("bug", new KafkaException(ErrorCode.Local_State))));
        Assert.False(TopologyService.IsStartRace(new StreamsException("no Kafka error inside")));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_start_race_after_the_global_store_opened_is_retried_without_waiting_for_the_store_it_left_open()
    {
        // Streamiz never closes the global stores a failed start opened. Before the fix the second start opened the same
        // folder and waited for the lock until the garbage collector happened to finalize the leaked RocksDB handle:
        // 47 s when measured here, and past the lock's 60 s patience in a CI run ("lock hold by current process").
        var ct = TestContext.Current.CancellationToken;
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic(Topics.MasterDataHistory.Name, Topics.MasterDataHistory.Partitions);
        using var state = new TempDirectory("start-race");
        var topology = new GlobalStoreStartRaceTopology($"race-{Guid.NewGuid():N}"[..13]);
        var streams = new StreamsOptions { ApplicationIdPrefix = $"race-{Guid.NewGuid():N}"[..12], StateDir = state.Path, ProcessingGuarantee = Streamiz.Kafka.Net.ProcessingGuarantee.AT_LEAST_ONCE };
        const string registryUrl = "http://127.0.0.1:9";
        using var service = new TopologyService(topology, new KafkaOptions { BootstrapServers = cluster.BootstrapServers }, streams,
            new SchemaRegistryOptions { Url = registryUrl }, new SerDesFactory(SchemaRegistryClients.For(registryUrl)), NullLoggerFactory.Instance);

        var started = Stopwatch.StartNew();
        await service.StartedAsync(ct);
        await Wait.UntilAsync("the topology to reach RUNNING", TimeSpan.FromSeconds(30), () => Task.FromResult(service.State),
            s => s == "RUNNING", s => s, TimeSpan.FromMilliseconds(50));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"took {started.Elapsed}");
        Assert.Single(Directory.GetDirectories(state.Path, "replacement-1", SearchOption.AllDirectories));
        await service.StopAsync(ct);
    }
}
