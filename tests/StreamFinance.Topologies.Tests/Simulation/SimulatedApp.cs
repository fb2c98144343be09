using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using RocksDbSharp;
using StreamFinance.Kafka;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Mock;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.Tests.Simulation;

/// <summary>How a <see cref="SimulatedApp"/> loses what it did since its last commit when it crashes.</summary>
public enum CrashModel
{
    /// <summary>
    /// EXACTLY_ONCE (the product default): outputs and changelog writes since the last commit belong to an open
    /// transaction, which the crash aborts; nothing of it is visible downstream (downstream reads committed records only).
    /// </summary>
    ExactlyOnce,

    /// <summary>
    /// AT_LEAST_ONCE, the producer flushed but the offsets not committed: every output and changelog write made before
    /// the crash is durable and visible, and the inputs since the last commit are processed again over the restored state.
    /// </summary>
    AtLeastOnce,

    /// <summary>
    /// AT_LEAST_ONCE under a partial broker outage: the changelog writes made since the last commit reached their
    /// brokers, the outputs did not (the leader of their partitions was down, the produce failed and the task was lost),
    /// and the inputs since the last commit are processed again over the restored state (issue 14 point 3).
    /// </summary>
    OutputsLost,
}

/// <summary>
/// One Streamiz application of the simulation: a topology in a <see cref="TopologyTestDriver"/> that reads its input
/// topics from the <see cref="SimBroker"/> at its own positions, and can commit and crash.
/// </summary>
/// <remarks>
/// <para><b>What a crash is.</b> The driver is disposed (Streamiz deletes the tasks' RocksDB folders) and a new one is
/// built over a new, empty state folder. Before it is built, each changelogged store's RocksDB database is written at
/// the task's path with the store's changelog as it is durable under the <see cref="CrashModel"/> (compacted: the
/// latest value per key, deletes applied), which is what Kafka Streams' restoration does before any processor runs;
/// so processors see the restored state in <c>Init</c> (the test driver itself never restores). Global tables are
/// restored by reading their topic again from the start. Input positions go back to the last commit, so the records
/// since are delivered again, at the offsets and with the timestamps they had (a redo, as Kafka delivers it). Wall-clock
/// punctuators start afresh. In-memory caches and metrics of the old incarnation
/// are gone.</para>
/// <para>Not modelled: a crash inside the processing of one record (records are atomic here), the loss of some of an
/// at-least-once producer's outputs but not others (<see cref="CrashModel.OutputsLost"/> loses all since the commit), rebalances between several instances, repartition topics as separate
/// commit units (the driver forwards them within the step).</para>
/// </remarks>
internal sealed class SimulatedApp : IDisposable
{
    private readonly Func<IStreamTopology> topologyOf;
    private readonly Func<SerDesFactory, TopologyContext> contextOf;
    private readonly SerDesFactory serDes;
    private readonly string registryUrl;
    private readonly SimBroker broker;
    private readonly string[] inputs;
    private readonly string[] outputs;
    private readonly string? globalInput;
    // RAM-backed where the machine has it: RocksDB's syncs on a disk dominate the cost of a crash.
    private readonly string root = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "streamfinance-sim-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, int> position = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> committed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, byte[]>> durableChangelogs = new(StringComparer.Ordinal);
    private readonly List<(string Store, byte[] Key, byte[]? Value)> openChangelog = [];
    private readonly List<(string Topic, SimRecord Record)> openOutputs = [];
    private readonly Dictionary<string, string> storePaths = new(StringComparer.Ordinal);
    private readonly bool restoresStores;
    private Incarnation current;
    private int incarnations;

    public SimulatedApp(
        string applicationId, Func<IStreamTopology> topologyOf, Func<SerDesFactory, TopologyContext> contextOf, SerDesFactory serDes, string registryUrl,
        SimBroker broker, CrashModel model, IEnumerable<string> inputs, IEnumerable<string> outputs, string? globalInput = null, bool restoresStores = true)
    {
        this.restoresStores = restoresStores;
        ApplicationId = applicationId;
        this.topologyOf = topologyOf;
        this.contextOf = contextOf;
        this.serDes = serDes;
        this.registryUrl = registryUrl;
        this.broker = broker;
        Model = model;
        this.inputs = [.. inputs];
        this.outputs = [.. outputs];
        this.globalInput = globalInput;
        foreach (var topic in this.inputs)
            position[topic] = committed[topic] = 0;
        current = Start();
    }

    public string ApplicationId { get; }

    /// <summary>Raised for every record the application writes to an output topic, committed or not yet, as it is written.</summary>
    public event Action<string, SimRecord>? Produced;

    public CrashModel Model { get; }

    public int Crashes { get; private set; }

    public int Commits { get; private set; }

    /// <summary>The context of the running incarnation.</summary>
    public TopologyContext Context => current.Context;

    /// <summary>Records of <paramref name="topic"/> not yet read by this application.</summary>
    public int Lag(string topic) => broker.End(topic) - (topic == globalInput ? GlobalPosition : position[topic]);

    public int GlobalPosition { get; private set; }

    /// <summary>Whether anything was done since the last commit.</summary>
    public bool HasUncommittedWork => inputs.Any(t => position[t] != committed[t]) || openOutputs.Count > 0 || openChangelog.Count > 0;

    /// <summary>Reads the next record of <paramref name="topic"/> (an input or the global topic) and processes it; false when there is none.</summary>
    public bool Poll(string topic)
    {
        if (Lag(topic) == 0)
            return false;
        if (topic == globalInput)
        {
            Pipe(topic, broker.Topic(topic)[GlobalPosition]);
            GlobalPosition++;
        }
        else
        {
            Pipe(topic, broker.Topic(topic)[position[topic]]);
            position[topic]++;
        }
        Collect();
        return true;
    }

    /// <summary>Moves this application's wall clock (its processing-time punctuators run).</summary>
    public void AdvanceWallClock(TimeSpan by)
    {
        current.Driver.AdvanceWallClockTime(by);
        Collect();
    }

    /// <summary>Commits: the transaction's outputs and changelog writes become visible (EOS), the input positions durable.</summary>
    public void Commit()
    {
        foreach (var (topic, record) in openOutputs)
            broker.Append(topic, record);
        openOutputs.Clear();
        foreach (var (store, key, value) in openChangelog)
            ApplyDurable(store, key, value);
        openChangelog.Clear();
        foreach (var topic in inputs)
            committed[topic] = position[topic];
        Commits++;
    }

    /// <summary>Crashes and restarts the application as the remarks describe.</summary>
    public void Crash()
    {
        openOutputs.Clear();
        openChangelog.Clear();
        foreach (var topic in inputs)
            position[topic] = committed[topic];
        current.Dispose();
        current = Start();
        Crashes++;
    }

    /// <summary>A key-value store of the running incarnation, as the processors see it.</summary>
    public IReadOnlyKeyValueStore<string, T> Store<T>(string name) => current.Driver.GetKeyValueStore<string, T>(name);

    private void Pipe(string topic, SimRecord record) =>
        current.Inputs[topic].PipeInput(record.Key, record.Value, record.Timestamp ?? throw new InvalidOperationException($"A record of {topic} was read before the broker stamped it."), record.Headers);

    private void Collect()
    {
        foreach (var (topic, output) in current.Outputs)
        {
            foreach (var result in output.ReadKeyValueList())
            {
                var record = new SimRecord(result.Message.Key, result.Message.Value, Copy(result.Message.Headers), result.Message.Timestamp.UtcDateTime);
                Produced?.Invoke(topic, record);
                if (Model is CrashModel.ExactlyOnce or CrashModel.OutputsLost)
                    openOutputs.Add((topic, record));
                else
                    broker.Append(topic, record);
            }
        }
        foreach (var (store, changelog) in current.Changelogs)
        {
            foreach (var result in changelog.ReadKeyValueList())
            {
                if (Model == CrashModel.ExactlyOnce)
                    openChangelog.Add((store, result.Message.Key, result.Message.Value));
                else
                    ApplyDurable(store, result.Message.Key, result.Message.Value);
            }
        }
    }

    private void ApplyDurable(string store, byte[] key, byte[]? value)
    {
        if (!durableChangelogs.TryGetValue(store, out var table))
            durableChangelogs[store] = table = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var id = Convert.ToHexString(key);
        if (value is null)
            table.Remove(id);
        else
            table[id] = value;
    }

    private static Headers? Copy(Headers? headers)
    {
        if (headers is null)
            return null;
        var copy = new Headers();
        foreach (var header in headers)
            copy.Add(header.Key, header.GetValueBytes());
        return copy;
    }

    private Incarnation Start()
    {
        var stateDir = Path.Combine(root, (incarnations++).ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (store, relative) in storePaths)
            Restore(Path.Combine(stateDir, ApplicationId, relative), restoresStores ? durableChangelogs.GetValueOrDefault(store) : null);

        var context = contextOf(serDes);
        var builder = new StreamBuilder();
        topologyOf().Build(builder, context);
        var config = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = ApplicationId, StateDir = stateDir, SchemaRegistryUrl = registryUrl };
        // Streamiz's default logger factory starts a console logger thread per configuration and never stops it:
        // thousands of incarnations ran the process out of threads.
        config.Logger.Dispose();
        config.Logger = NullLoggerFactory.Instance;
        var driver = new TopologyTestDriver(builder.Build(), config);
        var bytes = new ByteArraySerDes();
        var inputTopics = inputs.Concat(globalInput is null ? [] : [globalInput])
            .ToDictionary(t => t, t => driver.CreateInputTopic(t, bytes, bytes), StringComparer.Ordinal);
        foreach (var topic in inputs)
            TestDriverOffsets.StartAt(inputTopics[topic], position[topic]);
        if (storePaths.Count == 0)
            Discover(stateDir);
        var outputTopics = outputs.ToDictionary(t => t, t => driver.CreateOutputTopic(t, TimeSpan.FromSeconds(1), bytes, bytes), StringComparer.Ordinal);
        var changelogs = storePaths.Keys.ToDictionary(s => s, s => driver.CreateOutputTopic($"{ApplicationId}-{s}-changelog", TimeSpan.FromSeconds(1), bytes, bytes), StringComparer.Ordinal);
        var incarnation = new Incarnation(driver, context, inputTopics, outputTopics, changelogs, stateDir);
        current = incarnation;
        if (globalInput is not null)
        {
            // A global table is restored by reading its whole topic again.
            for (var i = 0; i < GlobalPosition; i++)
                Pipe(globalInput, broker.Topic(globalInput)[i]);
            Collect();
        }
        return incarnation;
    }

    /// <summary>The RocksDB folders of the tasks' stores (the global store has no changelog and is left out).</summary>
    private void Discover(string stateDir)
    {
        var appDir = Path.Combine(stateDir, ApplicationId);
        foreach (var dir in Directory.EnumerateDirectories(appDir, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(appDir, dir);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Length == 3 && parts[1] == "rocksdb" && !parts[0].Contains("global", StringComparison.OrdinalIgnoreCase))
                storePaths[parts[2]] = relative;
        }
        if (storePaths.Count == 0)
            throw new InvalidOperationException($"No task store found under {appDir}: the simulation cannot restore {ApplicationId} after a crash.");
    }

    private static void Restore(string path, Dictionary<string, byte[]>? table)
    {
        Directory.CreateDirectory(path);
        using var db = RocksDb.Open(new DbOptions().SetCreateIfMissing(true), path);
        foreach (var (key, value) in table ?? [])
            db.Put(Convert.FromHexString(key), value);
    }

    public void Dispose()
    {
        current.Dispose();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private sealed record Incarnation(
        TopologyTestDriver Driver, TopologyContext Context, Dictionary<string, TestInputTopic<byte[], byte[]>> Inputs,
        Dictionary<string, TestOutputTopic<byte[], byte[]>> Outputs, Dictionary<string, TestOutputTopic<byte[], byte[]>> Changelogs, string StateDir) : IDisposable
    {
        public void Dispose()
        {
            Driver.Dispose();
            try
            {
                Directory.Delete(StateDir, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }
}
