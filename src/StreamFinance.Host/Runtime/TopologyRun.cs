using Confluent.Kafka;
using StreamFinance.Host.Runtime.Supervision;
using StreamFinance.Kafka.Hosting.Clients;
using StreamFinance.Kafka.Hosting.Health;
using StreamFinance.Kafka.Observability.Streamiz;
using StreamFinance.Kafka.State;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Stream;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// One <see cref="KafkaStream"/> of a topology, from its start until it is closed or replaced: the stream, its Kafka
/// clients and what they report (<see cref="StreamClientHealth"/>), its sensors on <c>/metrics</c>, its state and the
/// stores it is restoring. <see cref="TopologyService"/> replaces a run that failed with a new one.
/// </summary>
internal sealed class TopologyRun : IDisposable
{
    private readonly object gate = new();
    private readonly Dictionary<(string Store, TopicPartition Partition), (long From, long To)> restoring = [];
    private readonly StreamFinanceKafkaSupplier clients;
    private readonly IDisposable? sensorTracking;
    private int disposed;

    /// <summary>Creates (does not start) the stream of <paramref name="topology"/>.</summary>
    /// <param name="name">The topology's name.</param>
    /// <param name="topology">The built topology.</param>
    /// <param name="config">Its configuration (<c>StreamConfigFactory</c>).</param>
    /// <param name="instanceId">Static member name, or null.</param>
    /// <param name="health">Where its clients report.</param>
    /// <param name="reporting">Where its sensors go, or null.</param>
    /// <param name="stateChanged">Told every state change, with this run.</param>
    /// <param name="restorations">Told every store restore that ends (the topology's processors wait for them); null: nobody is told.</param>
    public TopologyRun(string name, Topology topology, IStreamConfig config, string? instanceId, StreamClientHealth health,
        StreamizReporting? reporting, Action<TopologyRun, KafkaStream.State, KafkaStream.State> stateChanged, StoreRestorations? restorations = null)
    {
        Health = health;
        // A topology of global tables only has no stream thread: its KafkaStream state alone says whether it runs.
        StreamThreads = topology.Describe().SubTopologies.Any() ? config.NumStreamThreads : 0;
        // Readable-end restores, static membership, health reports, and the admin client Streamiz leaves undisposed.
        clients = new StreamFinanceKafkaSupplier(config, instanceId, health);
        Stream = new KafkaStream(topology, config, clients);
        State = KafkaStream.State.CREATED.Name;
        Stream.StateChanged += (from, to) =>
        {
            State = to.Name;
            if (to == KafkaStream.State.RUNNING)
            {
                // RUNNING follows every restore; a restore that ended without its end event (its task moved away) is over too.
                lock (gate)
                    restoring.Clear();
            }
            stateChanged(this, from, to);
        };
        Stream.OnRestoreStartEvent += (partition, store, from, to) =>
        {
            lock (gate)
                restoring[(store, partition)] = (from, to);
        };
        Stream.OnRestoreEndEvent += (partition, store, _) =>
        {
            lock (gate)
                restoring.Remove((store, partition));
            restorations?.Ended(store, partition.Partition.Value);
        };
        if (reporting is not null)
            sensorTracking = reporting.Bridge.Track(name, Stream.Metrics);
    }

    /// <summary>The stream.</summary>
    public KafkaStream Stream { get; }

    /// <summary>The stream's state folder (<see cref="StreamStateFolder"/>).</summary>
    public required string StateDir { get; init; }

    /// <summary>What its clients report.</summary>
    public StreamClientHealth Health { get; }

    /// <summary>Stream threads configured (0 for a topology of global tables only).</summary>
    public int StreamThreads { get; }

    /// <summary>Current Streamiz state name.</summary>
    public string State { get; private set; }

    /// <summary>Whether the stream is RUNNING.</summary>
    public bool Running => State == KafkaStream.State.RUNNING.Name;

    /// <summary>Stream threads alive, or null when Streamiz does not say.</summary>
    public int? AliveThreads => StreamThreadCount.Alive(Stream.Metrics());

    /// <summary>Starts the stream's threads.</summary>
    // No token: Streamiz would dispose the stream from the token's callback while it is still starting.
    public Task StartAsync() => Stream.StartAsync();

    /// <summary>What is wrong with the stream that a new one may cure, or null.</summary>
    /// <param name="stall">The stall detector's finding for this run.</param>
    public TopologyTrouble? Trouble(Stall? stall)
    {
        if (State == KafkaStream.State.ERROR.Name)
            return new TopologyTrouble(RestartReason.Error, "its stream is in state ERROR (every stream thread, or the global thread, died; the log says why)");
        if (!Running || StreamThreads == 0)
            return null;
        if (AliveThreads is { } alive && alive < StreamThreads)
            return new TopologyTrouble(RestartReason.DeadThreads, $"only {alive} of {StreamThreads} stream threads are alive");
        return stall is null ? null : new TopologyTrouble(RestartReason.Stalled, stall.Describe());
    }

    /// <summary>The stores still restoring, for readiness: <c>; restoring store from partition (offsets a to b)</c>, or empty.</summary>
    public string Restoring()
    {
        lock (gate)
        {
            if (restoring.Count == 0)
                return "";
            var stores = restoring.Select(r => $"{r.Key.Store} from {r.Key.Partition} (offsets {r.Value.From} to {r.Value.To})");
            return "; restoring " + string.Join(", ", stores);
        }
    }

    /// <summary>
    /// Closes the run on another thread and waits at most <paramref name="timeout"/>: true when it closed, false when a
    /// stream thread is still blocked (then the run is left behind and finishes closing whenever that call returns).
    /// </summary>
    public async Task<bool> CloseAsync(TimeSpan timeout, TimeProvider time)
    {
        var closing = Task.Run(Dispose);
        return await Task.WhenAny(closing, Task.Delay(timeout, time)) == closing;
    }

    /// <summary>Stops the stream, then releases its clients and probes. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
            return;
        sensorTracking?.Dispose();
        // The stream first: its handlers may still be writing dead letters, and its threads use the clients.
        Stream.Dispose();
        clients.Dispose();
        Health.Dispose();
    }
}
