using System.Text;
using Avro.Specific;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Connectors.FileDrop;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Offsets;
using StreamFinance.Connectors.Producing;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Sources.Formats;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Expenses;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.Procurement;
using StreamFinance.Host.Runtime;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.Kafka;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;
using StreamFinance.TestSupport.Kafka;
using PostingOptions = StreamFinance.Domain.Journals.PostingOptions;

namespace StreamFinance.IntegrationTests.EndToEnd;

/// <summary>
/// The machinery the end-to-end scenarios share: topologies run as the host runs them (<see cref="TopologyService"/>)
/// on one <see cref="FakeTimeProvider"/> and one <see cref="BusinessMetrics"/>, vendor files dropped into inboxes and
/// read by real file-drop connectors with the shipped mapping profiles, and topics read back through the registry.
/// </summary>
/// <param name="stack">The embedded (or container) stack the run uses.</param>
/// <param name="run">A short id naming this run's connectors.</param>
/// <param name="clock">The topologies' clock: approval times, "today" of periods and rates, and the wall clock of posting windows and horizons.</param>
/// <param name="metrics">The business metrics of the run's topologies and connectors, as the host shares one registry among them.</param>
public sealed class EndToEndPipeline(IKafkaStack stack, string run, FakeTimeProvider clock, BusinessMetrics metrics)
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    /// <summary>A topology run as the host runs it, with the given policies (defaults where null).</summary>
    public TopologyService Topology(IStreamTopology topology, KafkaOptions kafka, StreamsOptions streams, SchemaRegistryOptions registry,
        SerDesFactory serDes, PostingOptions posting, ExpenseOptions? expenses = null, MasterDataOptions? masterData = null, ProcurementOptions? procurement = null) =>
        new(topology, kafka, streams, registry, serDes, NullLoggerFactory.Instance, masterData: masterData, expenses: expenses, posting: posting, clock: clock,
            businessMetrics: metrics, procurement: procurement);

    /// <summary>Starts the topology as the host does and waits until it is ready (RUNNING, stores and global tables restored).</summary>
    public static async Task StartAsync(TopologyService service, PipelineWait wait)
    {
        var start = service.StartedAsync(CancellationToken.None);
        if (await Task.WhenAny(start, Task.Delay(StartPatience, TestContext.Current.CancellationToken)) != start)
            Assert.Fail($"Topology '{service.Topology.Name}' did not start within {StartPatience.TotalSeconds:0} s (state {service.State}); a topic it needs may be missing.");
        await start;
        wait.Until($"topology '{service.Topology.Name}' to be ready", StartPatience, service.Readiness, r => r.Ready ? null : r.Detail);
    }

    /// <summary>Writes each file into its profile's inbox under <paramref name="root"/> (a temporary name first, as an uploader does), oldest first.</summary>
    public static Dictionary<string, string> DropFiles(IReadOnlyList<VendorFile> files, string root)
    {
        var inboxes = files.Select(f => f.Profile).Distinct().ToDictionary(p => p, p => Directory.CreateDirectory(Path.Combine(root, "inbox", p)).FullName);
        Drop(files, inboxes);
        return inboxes;
    }

    /// <summary>Writes each file into its profile's inbox of <paramref name="inboxes"/> (a temporary name first, as an uploader does), oldest first.</summary>
    public static void Drop(IReadOnlyList<VendorFile> files, IReadOnlyDictionary<string, string> inboxes)
    {
        var written = DateTime.UtcNow.AddSeconds(-files.Count - 1);
        foreach (var file in files)
        {
            var target = Path.Combine(inboxes[file.Profile], file.FileName);
            File.WriteAllText(target + ".part", file.Content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(target + ".part", target);
            // Scans take files oldest first: a later page after the one before it.
            File.SetLastWriteTimeUtc(target, written = written.AddSeconds(1));
        }
    }

    /// <summary>
    /// Streams settings of a run: its own application ids and state folder, AT_LEAST_ONCE (the mock broker cannot prove
    /// exactly-once, ENVIRONMENT.md; dedupe and deterministic ids hold either way) and commits every 200 ms.
    /// </summary>
    public static StreamsOptions Streams(string applicationIdPrefix, string stateDir) => new()
    {
        ApplicationIdPrefix = applicationIdPrefix,
        StateDir = stateDir,
        ProcessingGuarantee = Streamiz.Kafka.Net.ProcessingGuarantee.AT_LEAST_ONCE,
        CommitIntervalMs = 200,
    };

    /// <summary>
    /// One real file-drop connector per profile over its inbox, sharing the connectors' Kafka clients and
    /// <paramref name="connectorMetrics"/>; one scan each, which must take exactly <paramref name="files"/>. The connectors
    /// keep the system clock, which settles the dropped files.
    /// </summary>
    public async Task<List<(string Connector, IngestResult Result)>> RunConnectorsAsync(
        IReadOnlyList<VendorFile> files, Dictionary<string, string> inboxes, KafkaOptions kafka, SerDesFactory serDes, ConnectorMetrics connectorMetrics, CancellationToken ct)
    {
        var profiles = Path.Combine(AppContext.BaseDirectory, "Profiles");
        using var catalog = new MappingProfileCatalog(profiles, watch: false);
        using var deadLetters = new DeadLetterPublisher(kafka, serDes, clientSuffix: "e2e-connector-dead-letters", metrics: metrics.DeadLetters);
        using var offsets = new KafkaConnectorOffsetStore(kafka, serDes);
        using var sink = new KafkaRecordSink(new CanonicalRecordProducer(kafka, serDes, "e2e-connectors"));
        var results = new List<(string, IngestResult)>();
        foreach (var profile in files.Select(f => f.Profile).Distinct())
        {
            var mapper = catalog.Get(profile);
            var name = $"e2e-{profile}-{run}";
            var connector = new FileDropConnector(
                new ConnectorContext(name, sink, deadLetters, offsets, metrics: connectorMetrics), new FileDropOptions { Inbox = inboxes[profile], SettleMs = 0 },
                mapper, SourceFormats.Default.Get(mapper.Format));
            var scanned = await connector.ScanOnceAsync(ct);
            Assert.Equal(files.Where(f => f.Profile == profile).Select(f => f.FileName), scanned.Select(r => r.Source));
            results.AddRange(scanned.Select(r => (name, r)));
        }

        return results;
    }

    /// <summary>Every record of <paramref name="topic"/> with a value, decoded through the registry.</summary>
    public List<(string Key, T Value)> Read<T>(Topic<string, T> topic, SerDesFactory serDes) where T : class, ISpecificRecord
    {
        var values = serDes.Avro<T>();
        return TopicReader.ReadAll(stack.BootstrapServers, topic.Name, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)
            .Where(r => r.Message.Value is not null)
            .Select(r => (r.Message.Key is null ? "" : Encoding.UTF8.GetString(r.Message.Key), values.Deserialize(r.Message.Value, new SerializationContext(MessageComponentType.Value, topic.Name))))
            .ToList();
    }

    /// <summary>Per journal: one currency on every line, debits = credits, control totals = the lines.</summary>
    public static void AssertBalanced(IReadOnlyList<JournalEntry> journals)
    {
        Assert.NotEmpty(journals);
        foreach (var journal in journals)
        {
            var debit = journal.lines.Where(l => l.side == JournalSide.DEBIT).Sum(l => l.amount.ToDecimal());
            var credit = journal.lines.Where(l => l.side == JournalSide.CREDIT).Sum(l => l.amount.ToDecimal());
            var id = journal.reconciliationId;
            Assert.All(journal.lines, l => Assert.Equal(journal.currency, l.amount.currency));
            Assert.True(debit == credit, $"journal {id} does not balance: debit {debit} credit {credit} {journal.currency}");
            Assert.True(debit > 0m, $"journal {id} is empty");
            Assert.Equal((journal.lines.Count, debit, credit), (journal.lineCount, journal.totalDebit.ToDecimal(), journal.totalCredit.ToDecimal()));
            Assert.All(new[] { journal.totalDebit, journal.totalCredit }, total => Assert.Equal(journal.currency, total.currency));
            Assert.Equal(Enumerable.Range(1, journal.lines.Count), journal.lines.Select(l => l.lineNumber));
        }
    }
}
