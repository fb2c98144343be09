using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamFinance.Domain.Journals;
using StreamFinance.Topologies;
using StreamFinance.Topologies.Configuration;
using StreamFinance.Topologies.DeadLetters;
using StreamFinance.Topologies.Hosting;
using StreamFinance.Topologies.Hosting.Clients;
using StreamFinance.Domain.Expenses;
using StreamFinance.Topologies.Observability;
using StreamFinance.Topologies.Observability.Streamiz;
using StreamFinance.Topologies.SerDes;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Errors;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// Runs one topology's <see cref="KafkaStream"/> for the lifetime of the host and reports its state and readiness.
/// The stream starts once every hosted service, the HTTP listener included, has started, so that <c>/health/ready</c>
/// answers (503) before the topology runs.
/// </summary>
public sealed class TopologyService(
    IStreamTopology topology,
    KafkaOptions kafka,
    StreamsOptions streams,
    SchemaRegistryOptions registry,
    SerDesFactory serDes,
    ILoggerFactory loggerFactory,
    StreamizReporting? reporting = null,
    PipelineMetrics? metrics = null,
    MasterDataOptions? masterData = null,
    ExpenseOptions? expenses = null,
    PostingOptions? posting = null) : IHostedLifecycleService, IDisposable
{
    private readonly ILogger logger = loggerFactory.CreateLogger($"StreamFinance.Topology.{topology.Name}");
    private readonly object gate = new();
    private readonly Dictionary<(string Store, TopicPartition Partition), (long From, long To)> restoring = [];
    private KafkaStream? stream;
    private StreamFinanceKafkaSupplier? clients;
    private DeadLetterPublisher? deadLetterPublisher;
    private IDisposable? sensorTracking;
    private int streamThreads;

    /// <summary>The topology this service runs.</summary>
    public IStreamTopology Topology => topology;

    /// <summary>
    /// The running stream, for interactive queries of its stores (<c>KafkaStream.Store</c>); null until the host has
    /// started (<see cref="StartedAsync"/>) and after <see cref="StopAsync"/>. Query it only while <see cref="State"/> is RUNNING.
    /// </summary>
    public KafkaStream? Stream => stream;

    /// <summary>Current Streamiz state name (CREATED, REBALANCING, RUNNING, ERROR, ...), or NOT_STARTED.</summary>
    public string State { get; private set; } = "NOT_STARTED";

    /// <summary>Starts the stream, again (up to <see cref="StartAttempts"/> times in all) when the start hit <see cref="IsStartRace"/>.</summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnceAsync();
                return;
            }
            catch (Exception e) when (attempt < StartAttempts && IsStartRace(e))
            {
                logger.LogWarning(e, "Topology {Topology}: the global thread could not position its consumer (attempt {Attempt} of {Attempts}); starting the stream again",
                    topology.Name, attempt, StartAttempts);
                Dispose();
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>How many times <see cref="StartedAsync"/> tries to start the stream.</summary>
    public const int StartAttempts = 3;

    /// <summary>
    /// Streamiz 1.8's global thread seeks its consumer right after assigning it, and librdkafka sometimes answers
    /// <c>Local: Erroneous state</c> because the assignment is not in effect yet. The stream then fails to start although
    /// nothing is wrong; a new stream a moment later starts. Any other failure is real and is not retried.
    /// </summary>
    public static bool IsStartRace(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is KafkaException { Error.Code: ErrorCode.Local_State })
                return error is StreamsException;
        return false;
    }

    private async Task StartOnceAsync()
    {
        var builder = new StreamBuilder();
        var topologyMetrics = (metrics ?? PipelineMetrics.Default).For(topology.Name);
        topologyMetrics.Initialize(topology.Inputs.Select(t => t.Name), topology.Outputs.Select(t => t.Name));
        topology.Build(builder, new TopologyContext(serDes, metrics: topologyMetrics, loggerFactory: loggerFactory)
        {
            MasterData = masterData ?? MasterDataOptions.Default(),
            Posting = posting ?? PostingOptions.Default(),
            Expenses = expenses ?? ExpenseOptions.Default(),
        });
        var built = builder.Build();
        // A topology of global tables only has no stream thread: its KafkaStream state alone says whether it runs.
        streamThreads = built.Describe().SubTopologies.Any() ? streams.NumStreamThreads : 0;
        // Records the topology cannot deserialize or write go to its dead-letter topic instead of stopping it.
        deadLetterPublisher = new DeadLetterPublisher(kafka, serDes, logger, $"{topology.Name}-dead-letters");
        var deadLetters = new DeadLetterExceptionHandlers(topology.Name, topology.DeadLetterTopic, deadLetterPublisher, logger: logger);
        var config = StreamConfigFactory.Create(topology, kafka, streams, registry, loggerFactory, deadLetters, reporting);
        // Readable-end restores, static membership, and the admin client Streamiz leaves undisposed (see the supplier).
        clients = new StreamFinanceKafkaSupplier(config, streams.EffectiveInstanceId());
        var created = new KafkaStream(built, config, clients);
        State = KafkaStream.State.CREATED.Name;
        created.StateChanged += OnStateChanged;
        created.OnRestoreStartEvent += (partition, store, from, to) =>
        {
            lock (gate)
                restoring[(store, partition)] = (from, to);
        };
        created.OnRestoreEndEvent += (partition, store, _) =>
        {
            lock (gate)
                restoring.Remove((store, partition));
        };
        stream = created;
        if (reporting is not null)
            sensorTracking = reporting.Bridge.Track(topology.Name, created.Metrics);
        // No token: Streamiz would dispose the stream from the token's callback while it is still starting;
        // StopAsync disposes it instead, after the start returned.
        await created.StartAsync();
    }

    /// <summary>
    /// Ready when the stream is RUNNING and all of its stream threads are alive. RUNNING already means every stream
    /// thread has restored its stores and runs (or died) and the global thread has restored every global table, so the
    /// alive count rules out dead threads. Until then the detail names the state and any store still restoring.
    /// </summary>
    public TopologyReadiness Readiness()
    {
        var current = stream;
        var state = State;
        if (current is null)
            return new(false, $"not started ({state})");
        if (state != KafkaStream.State.RUNNING.Name)
            return new(false, $"state {state}{Restoring()}");
        if (streamThreads == 0)
            return new(true, "RUNNING, global tables restored (no stream threads)");
        var alive = StreamThreadCount.Alive(current.Metrics());
        return alive switch
        {
            null => new(true, $"RUNNING ({streamThreads} stream threads configured; Streamiz did not report how many are alive)"),
            var n when n < streamThreads => new(false, $"RUNNING but only {n} of {streamThreads} stream threads are alive; see the log for why the others died"),
            _ => new(true, $"RUNNING, {streamThreads} of {streamThreads} stream threads running"),
        };
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        sensorTracking?.Dispose();
        sensorTracking = null;
        // The stream first: its handlers may still be writing dead letters.
        Interlocked.Exchange(ref stream, null)?.Dispose();
        Interlocked.Exchange(ref clients, null)?.Dispose();
        Interlocked.Exchange(ref deadLetterPublisher, null)?.Dispose();
    }

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void OnStateChanged(KafkaStream.State from, KafkaStream.State to)
    {
        State = to.Name;
        if (to == KafkaStream.State.RUNNING)
        {
            // RUNNING follows every restore; a restore that ended without its end event (its task moved away) is over too.
            lock (gate)
                restoring.Clear();
        }
        var level = to == KafkaStream.State.ERROR ? LogLevel.Error : LogLevel.Information;
        logger.Log(level, "Topology {Topology} state {From} -> {To}", topology.Name, from.Name, to.Name);
    }

    private string Restoring()
    {
        lock (gate)
        {
            if (restoring.Count == 0)
                return "";
            var stores = restoring.Select(r => $"{r.Key.Store} from {r.Key.Partition} (offsets {r.Value.From} to {r.Value.To})");
            return "; restoring " + string.Join(", ", stores);
        }
    }
}
