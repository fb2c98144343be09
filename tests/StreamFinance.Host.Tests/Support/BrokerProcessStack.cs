using StreamFinance.Embedded.Broker;
using StreamFinance.Embedded.SchemaRegistry;

namespace StreamFinance.Host.Tests.Support;

/// <summary>
/// An embedded broker with no topic yet, its control channel and an embedded Schema Registry, as <c>streamfinance
/// broker</c> serves them to <c>run --broker-control</c>, here in the test's process so a test can see what was created.
/// </summary>
internal sealed class BrokerProcessStack : IAsyncDisposable
{
    private BrokerProcessStack(EmbeddedKafkaCluster cluster, BrokerControlServer control, EmbeddedSchemaRegistry registry)
    {
        Cluster = cluster;
        Control = control;
        Registry = registry;
    }

    public EmbeddedKafkaCluster Cluster { get; }

    public BrokerControlServer Control { get; }

    public EmbeddedSchemaRegistry Registry { get; }

    /// <summary>The arguments that point <c>run</c> at this stack.</summary>
    public string[] RunArguments =>
        ["--bootstrap-servers", Cluster.BootstrapServers, "--schema-registry", Registry.Url, "--broker-control", Control.Url];

    public static async Task<BrokerProcessStack> StartAsync()
    {
        var cluster = EmbeddedKafkaCluster.Start();
        var control = await BrokerControlServer.StartAsync(cluster, 0, TestContext.Current.CancellationToken);
        var registry = await EmbeddedSchemaRegistry.StartAsync(0, ct: TestContext.Current.CancellationToken);
        return new BrokerProcessStack(cluster, control, registry);
    }

    public async ValueTask DisposeAsync()
    {
        await Registry.DisposeAsync();
        await Control.DisposeAsync();
        Cluster.Dispose();
    }
}
