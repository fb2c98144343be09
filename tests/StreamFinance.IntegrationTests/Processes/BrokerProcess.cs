namespace StreamFinance.IntegrationTests.Processes;

/// <summary>
/// <c>streamfinance broker --registry-port 0 [--brokers 3]</c> in a process of its own, so that a pipeline process can be stopped and
/// started again against the same broker and registry: the addresses it printed, and the process itself.
/// </summary>
public sealed class BrokerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private BrokerProcess(StreamFinanceProcess process, string bootstrapServers, string control, string registry)
    {
        Process = process;
        BootstrapServers = bootstrapServers;
        ControlUrl = control;
        SchemaRegistryUrl = registry;
        Control = new BrokerControl(control);
    }

    /// <summary>The broker's process.</summary>
    public StreamFinanceProcess Process { get; }

    /// <summary><c>bootstrap.servers</c> of the embedded cluster.</summary>
    public string BootstrapServers { get; }

    /// <summary>URL of the broker's control channel (<c>run --broker-control</c>).</summary>
    public string ControlUrl { get; }

    /// <summary>Its control channel, for faults.</summary>
    public BrokerControl Control { get; }

    /// <summary>URL of the embedded Schema Registry it hosts.</summary>
    public string SchemaRegistryUrl { get; }

    /// <summary>The arguments that point <c>run</c> at this broker and registry.</summary>
    public string[] RunArguments => ["--bootstrap-servers", BootstrapServers, "--schema-registry", SchemaRegistryUrl, "--broker-control", ControlUrl];

    /// <summary>Starts the broker and waits until it has created every topic and serves its control channel and registry.</summary>
    /// <param name="brokers">Brokers in the cluster: 1 or 3.</param>
    /// <param name="environment">Added to the broker's environment, e.g. the registry's credentials.</param>
    public static async Task<BrokerProcess> StartAsync(int brokers = 1, IReadOnlyDictionary<string, string>? environment = null)
    {
        var process = StreamFinanceProcess.Start(environment ?? new Dictionary<string, string>(),
            "broker", "--registry-port", "0", "--brokers", brokers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            await process.WaitForLineAsync("^Running until", StartPatience);
            return new BrokerProcess(
                process,
                await process.WaitForLineAsync("^bootstrap.servers=(.+)$", StartPatience),
                await process.WaitForLineAsync("^control=(.+)$", StartPatience),
                await process.WaitForLineAsync("^schema.registry.url=(.+)$", StartPatience));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await Process.DisposeAsync();
    }
}
