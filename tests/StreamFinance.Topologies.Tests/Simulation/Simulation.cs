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
/// crashes (see <see cref="SimulatedApp"/>: under <see cref="CrashModel.ExactlyOnce"/>, <see cref="CrashModel.AtLeastOnce"/>
/// or <see cref="CrashModel.OutputsLost"/>, drawn per seed); under at-least-once, a producer retry writes a record of
/// <c>expense.approved</c> or <c>md.history</c> twice; the business clock and every application's wall clock move
/// 1 to 30 minutes. Approvals that wait in an uncommitted transaction or an unread topic while the clock moves arrive at
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

    /// <param name="seed">Everything of the run follows from it.</param>
    /// <param name="lines">Expense lines in the workload.</param>
    /// <param name="restoresStores">False only to check the simulation itself: restarted applications come back with empty stores.</param>
    public Simulation(int seed, int lines, bool restoresStores = true)
    {
        Seed = seed;
        random = new Random(seed);
        workload = Workload.Generate(random, lines);
        Model = (CrashModel)random.Next(3);
        var registryUrl = $"inmemory://simulation-{seed}-{Guid.NewGuid():N}";
        var registry = new InMemorySchemaRegistryClient();
        SchemaRegistryClients.Register(registryUrl, registry);
        var factory = new SerDesFactory(registry);
        serDes = new SimSerDes(factory);
        masterData = new SimulatedApp("sim-master-data", () => new MasterDataTopology(), s => new TopologyContext(s, clock), factory, registryUrl, broker, Model,
            [Topics.MasterDataUpdates.Name], [Topics.MasterDataHistory.Name, Topics.MasterDataDeadLetters.Name], restoresStores: restoresStores);
        expenses = new SimulatedApp("sim-expense", () => new ExpenseTopology(), s => new TopologyContext(s, clock), factory, registryUrl, broker, Model,
            [Topics.Expenses.Name, Topics.CardTransactions.Name], [Topics.ApprovedExpenses.Name, Topics.ExpenseDeadLetters.Name], Topics.MasterDataHistory.Name, restoresStores);
        posting = new SimulatedApp("sim-posting", () => new PostingTopology(), s => new TopologyContext(s, clock), factory, registryUrl, broker, Model,
            [Topics.ApprovedExpenses.Name], [Topics.JournalPostings.Name, Topics.ExpenseDeadLetters.Name], restoresStores: restoresStores);
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
            invariants.AfterDrain();
        }
        catch (Exception e) when (e is not (SimulationFailure or InvariantBroken))
        {
            throw Failure(e.ToString());
        }
        catch (InvariantBroken e)
        {
            throw Failure(e.Message);
        }
        return invariants.Figures(Model, Steps, apps.Sum(a => a.Crashes), apps.Sum(a => a.Commits), watch.Elapsed);
    }

    private SimulationFailure Failure(string problem) =>
        new($"Seed {Seed} ({Model}) failed at step {Steps}: {problem}{Environment.NewLine}" +
            $"Reproduce: STREAMFINANCE_SIM_SEED={Seed} dotnet test tests/StreamFinance.Topologies.Tests --filter \"FullyQualifiedName~DeterministicSimulationTests.Random\"{Environment.NewLine}" +
            $"Last steps:{Environment.NewLine}{string.Join(Environment.NewLine, trace.TakeLast(60))}");

    /// <summary>The next step, drawn from the seed: sends 28 %, reads 42 %, commits 12 %, crashes 1 %, producer retries 3 % (at-least-once only), clock moves the rest.</summary>
    private Action NextAction()
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 28 => Send,
            < 40 => () => Poll(masterData, Topics.MasterDataUpdates.Name),
            < 48 => () => Poll(expenses, Topics.MasterDataHistory.Name),
            < 58 => () => Poll(expenses, Topics.Expenses.Name),
            < 64 => () => Poll(expenses, Topics.CardTransactions.Name),
            < 70 => () => Poll(posting, Topics.ApprovedExpenses.Name),
            < 82 => () => Commit(apps[random.Next(apps.Length)]),
            < 83 => () => Crash(apps[random.Next(apps.Length)]),
            < 86 when Model != CrashModel.ExactlyOnce => () => RetryDuplicate(random.Next(2) == 0 ? Topics.ApprovedExpenses.Name : Topics.MasterDataHistory.Name),
            _ => () => Tick(TimeSpan.FromMinutes(random.Next(1, 31))),
        };
    }

    private void Step(Action action)
    {
        Steps++;
        action();
        invariants.AfterStep();
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

    /// <summary>
    /// A producer retry that reached the broker twice (at-least-once producers are not idempotent by default in
    /// librdkafka): one of the last three records of an inter-application topic is appended again, byte for byte.
    /// </summary>
    private void RetryDuplicate(string topic)
    {
        var log = broker.Topic(topic);
        if (log.Count == 0)
            return;
        var index = log.Count - 1 - random.Next(Math.Min(3, log.Count));
        broker.Append(topic, log[index]);
        Note($"producer retry: {topic} offset {index} written again");
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
