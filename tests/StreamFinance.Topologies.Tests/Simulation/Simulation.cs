using System.Diagnostics;
using Avro.Specific;
using Confluent.Kafka;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Kafka;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Topologies.Posting;

namespace StreamFinance.Topologies.Tests.Simulation;

/// <summary>
/// A deterministic simulation of the pipeline, after TigerBeetle's VOPR: one seed gives a workload (<see cref="Workload"/>)
/// and a schedule of faults, run through the master-data, expense and posting topologies, each a
/// <see cref="SimulatedApp"/> over one <see cref="SimBroker"/>, with <see cref="SimulationInvariants"/> checked after
/// every step and in full after a final drain. A failing seed fails again, step for step, with
/// <c>STREAMFINANCE_SIM_SEED=&lt;seed&gt;</c>.
/// </summary>
/// <remarks>
/// Each step is one of: a source sends its next record; an application reads one record of one of its inputs (the
/// expense application's global reader reads <c>md.history</c> on its own); an application commits; an application
/// crashes (see <see cref="SimulatedApp"/>: under <see cref="CrashModel.ExactlyOnce"/> or
/// <see cref="CrashModel.AtLeastOnce"/>, drawn per seed); the business clock and every application's wall clock move
/// 1 to 15 minutes. Approvals that wait in an uncommitted transaction or an unread topic while the clock moves arrive at
/// posting after their window's grace: that is the late data. The drain then reads everything, commits, and lets 31
/// days pass (master-data wait horizon, window grace, card documentation horizon).
/// </remarks>
internal sealed class Simulation : IDisposable
{
    private readonly Random random;
    private readonly FakeTimeProvider clock = new(SimWorld.Start);
    private readonly SimBroker broker = new();
    private readonly SimSerDes serDes;
    private readonly List<SourceRecord> workload;
    private readonly List<string> trace = [];
    private readonly SimulatedApp masterData;
    private readonly SimulatedApp expenses;
    private readonly SimulatedApp posting;
    private readonly SimulatedApp[] apps;
    private readonly SimulationInvariants invariants;
    private int sent;

    public Simulation(int seed, int lines)
    {
        Seed = seed;
        random = new Random(seed);
        workload = Workload.Generate(random, lines);
        Model = random.Next(2) == 0 ? CrashModel.ExactlyOnce : CrashModel.AtLeastOnce;
        var registryUrl = $"inmemory://simulation-{seed}-{Guid.NewGuid():N}";
        var registry = new InMemorySchemaRegistryClient();
        SchemaRegistryClients.Register(registryUrl, registry);
        var factory = new SerDesFactory(registry);
        serDes = new SimSerDes(factory);
        masterData = new SimulatedApp("sim-master-data", () => new MasterDataTopology(), s => new TopologyContext(s, clock), factory, registryUrl, broker, Model,
            [Topics.MasterDataUpdates.Name], [Topics.MasterDataHistory.Name, Topics.MasterDataDeadLetters.Name]);
        expenses = new SimulatedApp("sim-expense", () => new ExpenseTopology(), s => new TopologyContext(s, clock), factory, registryUrl, broker, Model,
            [Topics.Expenses.Name, Topics.CardTransactions.Name], [Topics.ApprovedExpenses.Name, Topics.ExpenseDeadLetters.Name], Topics.MasterDataHistory.Name);
        posting = new SimulatedApp("sim-posting", () => new PostingTopology(), s => new TopologyContext(s, clock), factory, registryUrl, broker, Model,
            [Topics.ApprovedExpenses.Name], [Topics.JournalPostings.Name, Topics.ExpenseDeadLetters.Name]);
        apps = [masterData, expenses, posting];
        invariants = new SimulationInvariants(serDes, broker, expenses, posting);
        expenses.Produced += invariants.DecidedByExpenses;
    }

    public int Seed { get; }

    public CrashModel Model { get; }

    public int Steps { get; private set; }

    /// <summary>What happened, one line a step.</summary>
    public IReadOnlyList<string> Trace => trace;

    /// <summary>Runs the seed to the end and returns its figures; throws <see cref="SimulationFailure"/> on the first broken invariant.</summary>
    public SimulationFigures Run()
    {
        var watch = Stopwatch.StartNew();
        try
        {
            while (sent < workload.Count)
                Step(NextAction());
            Drain();
            invariants.AfterDrain(workload);
        }
        catch (Exception e) when (e is not SimulationFailure)
        {
            throw Failure(e.ToString());
        }
        catch (InvariantBroken e)
        {
            throw Failure(e.Message);
        }
        return invariants.Figures(Seed, Model, Steps, workload.Count, apps.Sum(a => a.Crashes), apps.Sum(a => a.Commits), watch.Elapsed);
    }

    private SimulationFailure Failure(string problem) =>
        new($"Seed {Seed} ({Model}) failed at step {Steps}: {problem}{Environment.NewLine}" +
            $"Reproduce: STREAMFINANCE_SIM_SEED={Seed} dotnet test tests/StreamFinance.Topologies.Tests --filter \"FullyQualifiedName~Simulation\"{Environment.NewLine}" +
            $"Last steps:{Environment.NewLine}{string.Join(Environment.NewLine, trace.TakeLast(60))}");

    private Action NextAction()
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 30 => Send,
            < 42 => () => Poll(masterData, Topics.MasterDataUpdates.Name),
            < 50 => () => Poll(expenses, Topics.MasterDataHistory.Name),
            < 60 => () => Poll(expenses, Topics.Expenses.Name),
            < 66 => () => Poll(expenses, Topics.CardTransactions.Name),
            < 76 => () => Poll(posting, Topics.ApprovedExpenses.Name),
            < 89 => () => Commit(apps[random.Next(apps.Length)]),
            < 90 => () => Crash(apps[random.Next(apps.Length)]),
            _ => () => Tick(TimeSpan.FromMinutes(random.Next(1, 16))),
        };
    }

    public static readonly Dictionary<string, long> Timing = [];
    private void Step(Action action)
    {
        Steps++;
        var w = Stopwatch.StartNew();
        action();
        var name = action.Method.Name;
        Timing[name] = Timing.GetValueOrDefault(name) + w.ElapsedTicks;
        w.Restart();
        invariants.AfterStep();
        Timing["invariants"] = Timing.GetValueOrDefault("invariants") + w.ElapsedTicks;
    }

    private void Send()
    {
        var record = workload[sent++];
        var bytes = record.Value switch
        {
            MasterDataUpdate update => Serialize(update, record.Topic),
            ExpenseLine line => Serialize(line, record.Topic),
            CardTransaction card => Serialize(card, record.Topic),
            _ => throw new InvalidOperationException($"No SerDes for {record.Value.GetType().Name}."),
        };
        broker.Append(record.Topic, new SimRecord(System.Text.Encoding.UTF8.GetBytes(record.Key), bytes, null));
        invariants.Sent(record);
        Note($"send {record.Topic}: {record.Description}");
    }

    private byte[] Serialize<T>(T value, string topic) where T : class, ISpecificRecord => serDes.Serialize(value, topic);

    private void Poll(SimulatedApp app, string topic)
    {
        if (app.Poll(topic))
            Note($"{app.ApplicationId} reads {topic}");
    }

    private void Commit(SimulatedApp app)
    {
        if (!app.HasUncommittedWork)
            return;
        app.Commit();
        Note($"{app.ApplicationId} commits");
    }

    private void Crash(SimulatedApp app)
    {
        app.Crash();
        Note($"{app.ApplicationId} CRASHES and restarts");
    }

    private void Tick(TimeSpan by)
    {
        clock.Advance(by);
        foreach (var app in apps)
            app.AdvanceWallClock(by);
        Note($"clock +{by.TotalMinutes} min = {clock.GetUtcNow():yyyy-MM-dd HH:mm}");
    }

    /// <summary>Reads everything and commits, then lets the master-data wait horizon, the windows' grace and the card documentation horizon pass, reading everything after each.</summary>
    private void Drain()
    {
        Note("drain");
        Step(ReadAll);
        foreach (var time in new[] { TimeSpan.FromDays(2), TimeSpan.FromHours(1), TimeSpan.FromDays(31), TimeSpan.FromHours(1), TimeSpan.FromHours(1) })
        {
            Step(() => Tick(time));
            Step(ReadAll);
        }
    }

    private void ReadAll()
    {
        bool moved;
        do
        {
            moved = false;
            foreach (var (app, topic) in new[]
            {
                (masterData, Topics.MasterDataUpdates.Name), (expenses, Topics.MasterDataHistory.Name), (expenses, Topics.Expenses.Name),
                (expenses, Topics.CardTransactions.Name), (posting, Topics.ApprovedExpenses.Name),
            })
            {
                while (app.Poll(topic))
                    moved = true;
            }
            if (!moved)
                foreach (var app in apps.Where(a => a.HasUncommittedWork))
                {
                    app.Commit();
                    moved = true;
                }
        }
        while (moved);
    }

    private void Note(string what) => trace.Add($"{Steps,5} {what}");

    public void Dispose()
    {
        foreach (var app in apps)
            app.Dispose();
    }
}

/// <summary>A broken invariant, with what was seen.</summary>
internal sealed class InvariantBroken(string message) : Exception(message);

/// <summary>A failed seed: the message names the seed, the step, how to reproduce it and the last steps.</summary>
public sealed class SimulationFailure(string message) : Exception(message);
