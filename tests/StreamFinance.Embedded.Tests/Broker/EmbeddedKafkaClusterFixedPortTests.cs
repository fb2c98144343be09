using System.Net;
using System.Net.Sockets;
using Confluent.Kafka;
using StreamFinance.Embedded.Broker;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.Embedded.Tests.Broker;

public sealed class EmbeddedKafkaClusterFixedPortTests
{
    [Fact]
    public async Task Brokers_started_on_a_fixed_port_are_reached_and_advertised_on_consecutive_ports()
    {
        var port = FreeConsecutivePorts(3);
        using var cluster = EmbeddedKafkaCluster.Start(brokers: 3, port: port);
        cluster.CreateTopic("ledger", partitions: 3, replicationFactor: 3);

        Assert.Equal($"127.0.0.1:{port},127.0.0.1:{port + 1},127.0.0.1:{port + 2}", cluster.BootstrapServers);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        var brokers = admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.OrderBy(b => b.BrokerId).Select(b => (b.BrokerId, b.Port));
        Assert.Equal([(1, port), (2, port + 1), (3, port + 2)], brokers);

        using var producer = new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = $"127.0.0.1:{port}",
            EnableIdempotence = true,
        }).Build();
        for (var i = 0; i < 6; i++)
        {
            await producer.ProduceAsync("ledger", new Message<string, string> { Key = $"k{i}", Value = $"v{i}" }, TestContext.Current.CancellationToken);
        }

        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = $"127.0.0.1:{port}",
            GroupId = "ledger-readers",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe("ledger");
        var values = new List<string>();
        Wait.Until("6 records on 'ledger'", TimeSpan.FromSeconds(30),
            () =>
            {
                if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } record)
                {
                    values.Add(record.Message.Value);
                }

                return values;
            },
            read => read.Count >= 6, read => $"[{string.Join(", ", read)}]", TimeSpan.Zero);

        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"v{i}"), values.Order());
    }

    [Fact]
    public void A_fixed_port_in_use_is_refused_naming_the_port()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;

        var error = Assert.Throws<InvalidOperationException>(() => EmbeddedKafkaCluster.Start(port: port));

        Assert.Contains($"127.0.0.1:{port}", error.Message);
    }

    [Fact]
    public void A_port_range_past_65535_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EmbeddedKafkaCluster.Start(brokers: 3, port: 65534));
    }

    [Fact]
    public async Task Disposing_a_fixed_port_cluster_frees_its_ports()
    {
        var port = FreeConsecutivePorts(1);
        EmbeddedKafkaCluster.Start(port: port).Dispose();

        using var again = EmbeddedKafkaCluster.Start(port: port);
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = again.BootstrapServers }).Build();
        again.CreateTopic("ledger", 1);
        var result = await producer.ProduceAsync("ledger", new Message<Null, string> { Value = "x" }, TestContext.Current.CancellationToken);
        Assert.Equal(PersistenceStatus.Persisted, result.Status);
    }

    // Asks the OS for an ephemeral port and checks the next ones are free too; a small race remains.
    private static int FreeConsecutivePorts(int count)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var first = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            if (first + count - 1 <= IPEndPoint.MaxPort && Enumerable.Range(first, count).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"Found no {count} consecutive free loopback ports in 20 attempts.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
