using StreamFinance.Kafka.Hosting.Clients;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;

namespace StreamFinance.IntegrationTests.Support;

/// <summary>
/// A Streamiz <see cref="KafkaStream"/> started for a test with the Kafka clients the host gives every topology
/// (<see cref="StreamFinanceKafkaSupplier"/>): start is bounded in time, and a move to ERROR or shutdown is reported
/// through <see cref="Failure"/> so waits can stop early.
/// </summary>
public sealed class RunningStreamsApp : IDisposable
{
    private readonly KafkaStream stream;
    private readonly StreamFinanceKafkaSupplier clients;
    private volatile string? failure;
    private volatile string state = "CREATED";
    private bool started;

    private RunningStreamsApp(Topology topology, IStreamConfig config)
    {
        clients = new StreamFinanceKafkaSupplier(config);
        stream = new KafkaStream(topology, config, clients);
        stream.StateChanged += (_, to) =>
        {
            state = to.Name;
            if (to == KafkaStream.State.ERROR || to == KafkaStream.State.PENDING_SHUTDOWN)
            {
                failure = $"the Streamiz application '{config.ApplicationId}' went to {to}";
            }
        };
    }

    /// <summary>The application's current state.</summary>
    public string State => state;

    /// <summary>Why the application stopped, or null while it runs.</summary>
    public string? Failure => failure;

    /// <summary>Starts <paramref name="topology"/>, failing the test if start does not finish within <paramref name="timeout"/>.</summary>
    public static async Task<RunningStreamsApp> StartAsync(Topology topology, IStreamConfig config, TimeSpan timeout, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(topology, config, timeout, ct);
            }
            catch (Exception e) when (attempt < StreamFinance.Host.Runtime.TopologyService.StartAttempts && StreamFinance.Host.Runtime.TopologyService.IsStartRace(e))
            {
                // The global thread's start race, retried as the host retries it: in a folder of its own, since the
                // failed start left its global stores open (TopologyService.CloseAfterFailedStartAsync).
                config.StateDir = Path.Combine(config.StateDir, $"after-start-race-{attempt}");
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), ct);
            }
        }
    }

    private static async Task<RunningStreamsApp> StartOnceAsync(Topology topology, IStreamConfig config, TimeSpan timeout, CancellationToken ct)
    {
        var app = new RunningStreamsApp(topology, config);
        // Streamiz ignores the start token while it waits for internal topics (it retries CreateTopics for minutes).
        var start = app.stream.StartAsync();
        if (await Task.WhenAny(start, Task.Delay(timeout, ct)) != start)
        {
            // Left undisposed on purpose: disposing a stream stuck in start would block this test too.
            Assert.Fail(
                $"The Streamiz application '{config.ApplicationId}' did not start within {timeout.TotalSeconds:0} s. " +
                "It usually waits for a topic it cannot create: create sources, sinks and InternalTopics.For(...) before starting.");
        }

        try
        {
            await start;
        }
        catch
        {
            app.Dispose();
            throw;
        }
        app.started = true;
        return app;
    }

    /// <summary>
    /// The entries of the key-value store <paramref name="storeName"/> over every task of this application (an
    /// interactive query), or null while the store cannot be queried (the application is not running yet or rebalancing).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, T>>? StoreEntries<T>(string storeName)
    {
        try
        {
            return stream.Store(StoreQueryParameters.FromNameAndType(storeName, QueryableStoreTypes.KeyValueStore<string, T>())).All().ToList();
        }
        catch (Streamiz.Kafka.Net.Errors.InvalidStateStoreException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (started)
        {
            stream.Dispose();
            clients.Dispose();
        }
    }
}
