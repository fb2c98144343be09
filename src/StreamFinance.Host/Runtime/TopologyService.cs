using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamFinance.Domain.Expenses;
using StreamFinance.Domain.Journals;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Observability;
using StreamFinance.Host.Runtime.Supervision;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Hosting;
using StreamFinance.Kafka.Hosting.Health;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.Observability.Streamiz;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Kafka.State;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Errors;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.Procurement;
using StreamFinance.Kafka;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// Runs one topology's <see cref="KafkaStream"/> for the lifetime of the host, supervises it, and reports its state and
/// readiness. The stream starts once every hosted service, the HTTP listener included, has started, so that
/// <c>/health/ready</c> answers (503) before the topology runs.
/// </summary>
/// <remarks>
/// <para>Streamiz 1.8.2 never replaces a stream thread that died, so the service does it for the whole stream: every
/// <see cref="SupervisionOptions.CheckInterval"/> it looks for a stream in ERROR, fewer stream threads alive than
/// configured, or a stall (records wait on its inputs and none is processed for <see cref="ObservabilityOptions.StallSeconds"/>),
/// and then closes the stream and starts a new one, after the delay of <see cref="RestartPolicy"/>. Each restart is one
/// log line naming the cause and one count in <c>streamfinance_topology_restarts_total{topology,reason}</c>.</para>
/// <para>A new stream goes on from the last commit: under EXACTLY_ONCE the open transaction of the old one is aborted
/// (its producer is fenced by the new one's), under AT_LEAST_ONCE what was processed after the commit is processed
/// again. Outputs carry deterministic ids, so either way nothing is posted twice.</para>
/// <para>Time: <c>clock</c> (default the system clock) is the supervisor's (check interval, restart delays, stalls,
/// close timeout) and the topology's (<see cref="TopologyContext.Clock"/>: approval times, windows closed on the wall
/// clock, horizons, dead letters' failure times). Metrics: <c>metrics</c> are the topology metrics (default the ones the
/// host serves) and <c>businessMetrics</c> the registry of its business and dead-letter metrics (default one that
/// nothing serves; the host passes the one it serves).</para>
/// </remarks>
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
    PostingOptions? posting = null,
    SupervisionOptions? supervision = null,
    int stallSeconds = 60,
    TimeProvider? clock = null,
    TopologyRestartMetrics? restartMetrics = null,
    BusinessMetrics? businessMetrics = null,
    ProcurementOptions? procurement = null) : IHostedLifecycleService, IDisposable
{
    /// <summary>How long the supervisor waits for the brokers when it checks a backlog or whether Kafka answers.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private readonly ILogger logger = loggerFactory.CreateLogger($"StreamFinance.Topology.{topology.Name}");
    private readonly SupervisionOptions supervision = supervision ?? new SupervisionOptions();
    private readonly TimeProvider time = clock ?? TimeProvider.System;
    private readonly TopologyRestartMetrics restarts = restartMetrics ?? TopologyRestartMetrics.Default;
    private readonly TopologyMetrics topologyMetrics = (metrics ?? PipelineMetrics.Default).For(topology.Name);
    private readonly BusinessMetrics business = businessMetrics ?? BusinessMetrics.Detached();
    private readonly CancellationTokenSource stopping = new();
    private readonly object gate = new();
    private RestartPolicy? policy;
    private ProgressWatch? stalls;
    private TopologyRun? current;
    private DeadLetterPublisher? deadLetterPublisher;
    private Task? supervisor;
    private Task? closing;
    private RestartDecision? restarting;
    private Exception? startFailure;
    private int leftBehind;

    /// <summary>The topology this service runs.</summary>
    public IStreamTopology Topology => topology;

    /// <summary>
    /// The running stream, for interactive queries of its stores (<c>KafkaStream.Store</c>); null until the host has
    /// started (<see cref="StartedAsync"/>), while the stream is being replaced, and after <see cref="StopAsync"/>.
    /// Query it only while <see cref="State"/> is RUNNING.
    /// </summary>
    public KafkaStream? Stream => current?.Stream;

    /// <summary>Current Streamiz state name (CREATED, REBALANCING, RUNNING, ERROR, ...), RESTARTING while the stream is replaced, or NOT_STARTED.</summary>
    public string State { get; private set; } = "NOT_STARTED";

    /// <summary>How many times <see cref="StartedAsync"/> tries to start the stream.</summary>
    public const int StartAttempts = 3;

    /// <summary>
    /// Starts the stream, again (up to <see cref="StartAttempts"/> times in all) when the start hit <see cref="IsStartRace"/>,
    /// then starts supervising it.
    /// </summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        restarts.Initialize(topology.Name);
        topologyMetrics.Initialize(topology.Inputs.Select(t => t.Name), topology.Outputs.Select(t => t.Name));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartRunAsync();
                break;
            }
            catch (Exception e) when (attempt < StartAttempts && IsStartRace(e))
            {
                logger.LogWarning(e, "Topology {Topology}: the global thread could not position its consumer (attempt {Attempt} of {Attempts}); starting the stream again",
                    topology.Name, attempt, StartAttempts);
                await CloseAfterFailedStartAsync("closing it after the start race");
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt), cancellationToken);
            }
        }
        policy = new RestartPolicy(supervision, time);
        stalls = new ProgressWatch(TimeSpan.FromSeconds(stallSeconds), () => topology.Inputs.Sum(t => (long)topologyMetrics.Consumed(t.Name).Value), ProbeTimeout, time);
        supervisor = Task.Run(() => SuperviseAsync(stopping.Token), CancellationToken.None);
    }

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

    /// <summary>
    /// Ready when the stream is RUNNING, all of its stream threads are alive, it is not stalled and its clients reach
    /// Kafka: every broker that leads a partition they read or write. RUNNING already means every stream thread has
    /// restored its stores and runs (or died) and the global thread has restored every global table, so the alive count
    /// rules out dead threads. Otherwise the detail says why, and when a restart is pending.
    /// </summary>
    public TopologyReadiness Readiness()
    {
        var run = current;
        var now = time.GetUtcNow();
        if (run is null)
            return new(false, restarting is { } r ? $"restarting: {r.Trouble.Detail}" : startFailure is { } e
                ? $"a new stream did not start ({e.Message}){Pending(now)}"
                : $"not started ({State})");
        if (run.Health.Brokers.Outage() is { } outage)
            return new(false, $"{outage.Describe(now)}; state {run.State}{Pending(now)}");
        if (run.Health.Brokers.Degradation() is { } degradation)
            return new(false, $"{degradation.Describe(now)}; state {run.State}{Pending(now)}");
        if (!run.Running)
            return new(false, $"state {run.State}{run.Restoring()}{Pending(now)}");
        if (run.StreamThreads == 0)
            return new(true, "RUNNING, global tables restored (no stream threads)");
        var threads = run.StreamThreads;
        if (stalls?.Current is { } stall)
            return new(false, stall.Describe() + Pending(now));
        return run.AliveThreads switch
        {
            null => new(true, $"RUNNING ({threads} stream threads configured; Streamiz did not report how many are alive)"),
            var n when n < threads => new(false, $"RUNNING but only {n} of {threads} stream threads are alive; see the log for why the others died{Pending(now)}"),
            _ => new(true, $"RUNNING, {threads} of {threads} stream threads running"),
        };
    }

    /// <summary>
    /// Starts closing the stream as soon as the host begins to stop, so that every topology closes at the same time
    /// (each within <see cref="SupervisionOptions.CloseTimeout"/>) rather than one after the other.
    /// </summary>
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        closing ??= CloseForStopAsync();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await (closing ??= CloseForStopAsync());
        Interlocked.Exchange(ref deadLetterPublisher, null)?.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        stopping.Cancel();
        CloseCurrent();
        Interlocked.Exchange(ref deadLetterPublisher, null)?.Dispose();
    }

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CloseForStopAsync()
    {
        await stopping.CancelAsync();
        if (supervisor is not null)
            await supervisor.WaitAsync(supervision.CloseTimeout + ProbeTimeout, time, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await CloseCurrentAsync("closing it as the host stops", forStop: true);
    }

    private async Task SuperviseAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(supervision.CheckInterval, time, ct);
                if (Check() is { } decision && !ct.IsCancellationRequested)
                    await RestartAsync(decision);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Topology {Topology}: the supervisor failed to check the stream; it checks again in {Interval} ms", topology.Name, supervision.CheckIntervalMs);
            }
        }
    }

    /// <summary>One look at the stream: feeds the stall detector and asks the policy whether to restart now.</summary>
    private RestartDecision? Check()
    {
        var run = current;
        if (run is null)
            return startFailure is { } e ? policy!.Check(new TopologyTrouble(RestartReason.StartFailed, $"the last restart could not start a stream: {e.Message}"), running: false) : null;
        if (run.Health.Brokers.Outage() is not null)
        {
            ProbeBrokers(run);
            stalls!.Reset();
        }
        else if (run.Health.Brokers.Degradation() is not null)
            // Records waiting on a broker that is down are no stall: a new stream would wait for it the same.
            stalls!.Reset();
        else
            ObserveProgress(run);
        return policy!.Check(run.Trouble(stalls!.Current), run.Running);
    }

    private void ObserveProgress(TopologyRun run)
    {
        if (run.Running && run.StreamThreads > 0)
            stalls!.Observe(run.Health.Backlog);
        else
            stalls!.Reset();
    }

    // librdkafka says when every broker went down, never when one came back: ask a broker directly.
    private void ProbeBrokers(TopologyRun run)
    {
        if (topology.Inputs.FirstOrDefault() is not { } input)
            return;
        var partition = new TopicPartition(input.Name, 0);
        if (run.Health.Backlog.BrokerAnswers(partition, ProbeTimeout) is { } answered)
            run.Health.Brokers.OnProbe(answered, answered ? "" : $"no broker answered for {partition} within {ProbeTimeout.TotalSeconds:0} s");
    }

    private async Task RestartAsync(RestartDecision decision)
    {
        logger.LogWarning("Topology {Topology}: replacing its stream (restart {Attempt} in a row, {Delay:0.#} s after the trouble was seen, reason {Reason}) because {Trouble}",
            topology.Name, decision.Attempt, decision.Waited.TotalSeconds, decision.Trouble.Reason.Label(), decision.Trouble.Detail);
        restarts.Count(topology.Name, decision.Trouble.Reason);
        restarting = decision;
        stalls!.Reset();
        await CloseCurrentAsync($"closing it for restart {decision.Attempt}");
        if (stopping.IsCancellationRequested)
        {
            restarting = null;
            return;
        }
        try
        {
            await StartRunAsync();
            startFailure = null;
        }
        catch (Exception e)
        {
            startFailure = e;
            logger.LogError(e, "Topology {Topology}: the new stream did not start; the supervisor tries again after its delay", topology.Name);
            await CloseAfterFailedStartAsync("closing it after a failed start");
        }
        finally
        {
            restarting = null;
        }
    }

    private async Task StartRunAsync()
    {
        var run = CreateRun();
        lock (gate)
        {
            current = run;
            State = run.State;
        }
        await run.StartAsync();
    }

    private TopologyRun CreateRun()
    {
        var builder = new StreamBuilder();
        var restorations = new StoreRestorations(logger);
        topology.Build(builder, new TopologyContext(serDes, time, topologyMetrics, loggerFactory, business)
        {
            MasterData = masterData ?? MasterDataOptions.Default(),
            Posting = posting ?? PostingOptions.Default(),
            Expenses = expenses ?? ExpenseOptions.Default(),
            Procurement = procurement ?? ProcurementOptions.Default(),
            Restorations = restorations,
        });
        // Records the topology cannot deserialize or write go to its dead-letter topic instead of stopping it.
        deadLetterPublisher ??= new DeadLetterPublisher(kafka, serDes, logger, $"{topology.Name}-dead-letters", metrics: business.DeadLetters);
        var deadLetters = new DeadLetterExceptionHandlers(topology.Name, topology.DeadLetterTopic, deadLetterPublisher, new DeadLetterFactory(time), logger);
        var config = StreamConfigFactory.Create(topology, kafka, streams, registry, loggerFactory, deadLetters, reporting);
        if (leftBehind > 0)
            // A stream left behind still holds its stores open: this one restores its own from the changelogs.
            config.StateDir = Path.Combine(config.StateDir, $"replacement-{leftBehind}");
        // Only state a clean close left behind is trusted; anything else may be ahead of what reached Kafka.
        if (StreamStateFolder.PrepareForStart(config.StateDir) > 0)
            logger.LogInformation("Topology {Topology}: its state folder {Folder} was not closed cleanly (the process was killed, or the stream before failed); emptied, so that every store is restored from its changelog",
                topology.Name, config.StateDir);
        var statistics = reporting?.StatisticsIntervalMs ?? 0;
        var health = new StreamClientHealth(time, TimeSpan.FromMilliseconds(Math.Max(3L * statistics, 10_000)), reporting?.ClientMetrics);
        return new TopologyRun(topology.Name, builder.Build(), config, streams.EffectiveInstanceId(), health, reporting, OnStateChanged, restorations) { StateDir = config.StateDir };
    }

    /// <summary>Closes the current stream; <paramref name="forStop"/>: the host stops (a clean close then marks the state folder as safe to keep).</summary>
    private async Task CloseCurrentAsync(string why, bool forStop = false)
    {
        TopologyRun? run;
        lock (gate)
        {
            run = current;
            current = null;
            State = restarting is null ? KafkaStream.State.NOT_RUNNING.Name : "RESTARTING";
        }
        if (run is null)
            return;
        // A stream in ERROR or short of threads closes without committing what its dead threads had processed.
        var healthy = run.Trouble(null) is null;
        if (await run.CloseAsync(supervision.CloseTimeout, time))
        {
            if (forStop && healthy)
                StreamStateFolder.MarkClosedCleanly(run.StateDir);
            return;
        }
        leftBehind++;
        logger.LogWarning("Topology {Topology}: its stream did not close within {Timeout} s ({Why}; a stream thread is blocked in a Kafka client call); it is left behind, and a new stream keeps its state in a folder of its own",
            topology.Name, supervision.CloseTimeout.TotalSeconds, why);
    }

    /// <summary>
    /// Closes a stream whose start failed. Streamiz 1.8 opens the global stores before its global thread positions its
    /// consumer and never closes them when that fails (the thread did not start, so nothing runs its close): they keep
    /// their RocksDB locks until the garbage collector finalizes them. So the next stream keeps its state in a folder
    /// of its own and restores there from the changelogs, instead of waiting on those locks.
    /// </summary>
    private async Task CloseAfterFailedStartAsync(string why)
    {
        await CloseCurrentAsync(why);
        leftBehind++;
    }

    private void CloseCurrent() => CloseCurrentAsync("closing it as the host stops", forStop: true).GetAwaiter().GetResult();

    private string Pending(DateTimeOffset now) =>
        policy?.Pending is { } pending
            ? $"; restart {pending.Attempt} in a row in {Math.Max(0, (pending.Due - now).TotalSeconds):0} s ({pending.Trouble.Reason.Label()})"
            : "";

    private void OnStateChanged(TopologyRun run, KafkaStream.State from, KafkaStream.State to)
    {
        lock (gate)
        {
            // A stream being closed or left behind no longer speaks for the topology.
            if (run != current)
                return;
            State = to.Name;
        }
        var level = to == KafkaStream.State.ERROR ? LogLevel.Error : LogLevel.Information;
        logger.Log(level, "Topology {Topology} state {From} -> {To}", topology.Name, from.Name, to.Name);
    }
}
