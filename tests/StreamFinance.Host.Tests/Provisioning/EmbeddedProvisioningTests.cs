using System.Net;
using System.Net.Sockets;
using StreamFinance.Embedded.Broker;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Provisioning;

namespace StreamFinance.Host.Tests.Provisioning;

public class EmbeddedProvisioningTests
{
    private static readonly Dictionary<string, string> NoConfigs = [];

    [Fact]
    public async Task Embedded_provisioner_creates_missing_topics_and_reports_existing_and_mismatched_ones()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("already.there", 2);
        cluster.CreateTopic("wrong.count", 1);
        var provisioner = new EmbeddedClusterProvisioner(cluster);

        var outcomes = await provisioner.ApplyAsync(
            [new("new.topic", 3, NoConfigs, "test"), new("already.there", 2, NoConfigs, "test"), new("wrong.count", 4, NoConfigs, "test")],
            TestContext.Current.CancellationToken);

        Assert.Equal([ProvisionAction.Created, ProvisionAction.Unchanged, ProvisionAction.Mismatch], outcomes.Select(o => o.Action));
        Assert.Equal("partitions: want 4, found 1", outcomes[2].Detail);
        Assert.Equal(3, cluster.Topics["new.topic"]);
    }

    [Fact]
    public async Task Control_channel_provisioner_creates_topics_in_the_broker_process_idempotently()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        await using var control = await BrokerControlServer.StartAsync(cluster, 0, TestContext.Current.CancellationToken);
        var provisioner = new BrokerControlProvisioner(control.Url);
        TopicRequirement[] wanted = [new("a.topic", 3, NoConfigs, "test"), new("b.topic", 1, NoConfigs, "test")];

        var first = await provisioner.ApplyAsync(wanted, TestContext.Current.CancellationToken);
        var second = await provisioner.ApplyAsync(wanted, TestContext.Current.CancellationToken);

        Assert.All(first, o => Assert.Equal(ProvisionAction.Created, o.Action));
        Assert.All(second, o => Assert.Equal(ProvisionAction.Unchanged, o.Action));
        Assert.Equal(3, cluster.Topics["a.topic"]);
    }

    [Fact]
    public async Task Control_channel_refuses_a_different_partition_count_for_an_existing_topic()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("c.topic", 2);
        await using var control = await BrokerControlServer.StartAsync(cluster, 0, TestContext.Current.CancellationToken);

        var outcomes = await new BrokerControlProvisioner(control.Url).ApplyAsync([new("c.topic", 5, NoConfigs, "test")], TestContext.Current.CancellationToken);

        Assert.Equal(ProvisionAction.Mismatch, Assert.Single(outcomes).Action);
        Assert.Equal(2, cluster.Topics["c.topic"]);
    }

    [Fact]
    public async Task A_control_channel_that_never_answers_fails_the_start_as_unavailable_after_three_attempts_naming_the_channel()
    {
        // Accepts connections and never answers them, as a broker process too busy to serve its control channel does.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(backlog: 16);
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        var accepted = 0;
        using var stop = new CancellationTokenSource();
        var sockets = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                sockets.Add(await silent.AcceptSocketAsync(stop.Token));
                Interlocked.Increment(ref accepted);
            }
        }, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<DependencyUnavailableException>(() =>
            new BrokerControlProvisioner(url, TimeSpan.FromMilliseconds(300)).ApplyAsync([new("d.topic", 1, NoConfigs, "test")], TestContext.Current.CancellationToken));

        await stop.CancelAsync();
        await Task.WhenAny(accepting, Task.Delay(1000, TestContext.Current.CancellationToken));
        sockets.ForEach(s => s.Dispose());
        Assert.StartsWith($"The broker control channel at {url} did not answer GET /topics (3 attempts of 0.3 s)", error.Message);
        Assert.Equal(3, accepted);
    }
}
