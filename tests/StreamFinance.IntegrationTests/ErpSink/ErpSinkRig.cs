using StreamFinance.Connectors.ErpSink;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Mapping.Outbound;
using StreamFinance.Connectors.Offsets;
using StreamFinance.Connectors.Producing;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Embedded.Erp;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.SerDes;
using StreamFinance.TestSupport.Kafka;

namespace StreamFinance.IntegrationTests.ErpSink;

/// <summary>
/// An ERP sink as the host builds one (real producer, dead-letter publisher and offset store on the stack; the shipped
/// outbound profile), against a <see cref="FakeErp"/>, plus what the tests read back. Each rig names its own consumer
/// group, so every sink of one rig shares the work as instances of one deployment would.
/// </summary>
internal sealed class ErpSinkRig : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly List<IDisposable> owned = [];

    private ErpSinkRig(IKafkaStack stack, FakeErp erp, string run)
    {
        Stack = stack;
        Erp = erp;
        Run = run;
        Kafka = new KafkaOptions { BootstrapServers = stack.BootstrapServers, ClientIdPrefix = $"it-erp-{run}" };
        SerDes = new SerDesFactory(SchemaRegistryClients.For(stack.SchemaRegistryUrl));
    }

    public IKafkaStack Stack { get; }

    public FakeErp Erp { get; }

    /// <summary>Tags this test's posting ids, so records of other tests on the same broker are told apart.</summary>
    public string Run { get; }

    public KafkaOptions Kafka { get; }

    public SerDesFactory SerDes { get; }

    public ErpSinkMetrics Metrics { get; } = ErpSinkMetrics.Detached();

    public static OutboundProfile Profile(string name) =>
        new MappingProfileLoader().LoadOutboundFile(Path.Combine(AppContext.BaseDirectory, "Profiles", OutboundProfileCatalog.Folder, name + ".yaml"));

    public static async Task<ErpSinkRig> StartAsync(IKafkaStack stack, CancellationToken ct)
    {
        await stack.CreateTopicsAsync(new TopicSpec[] { Topics.JournalPostings, Topics.ApInvoices, Topics.PostingConfirmations, Topics.ErpDeadLetters, Topics.AuditEmitted, Topics.ConnectorOffsets }
            .Select(t => (t.Name, t.Partitions)));
        return new ErpSinkRig(stack, await FakeErp.StartAsync(ct: ct), Guid.NewGuid().ToString("N")[..8].ToUpperInvariant());
    }

    /// <summary>A sink named <paramref name="name"/> in this rig's group, posting with <paramref name="profile"/> (default NetSuite journals).</summary>
    public ErpSinkConnector Sink(string name, Action<ErpSinkOptions>? change = null, OutboundProfile? profile = null)
    {
        var options = new ErpSinkOptions
        {
            BaseUrl = Erp.Url, TargetSystem = "netsuite-test", BearerToken = "it-token", ConsumerGroup = $"it-erp-sink-{Run}",
            BaseDelayMs = 10, MaxDelayMs = 100, RequestTimeoutMs = 5_000, SessionTimeoutMs = 6_000, RequestsPerSecond = 1_000, Burst = 100,
        };
        change?.Invoke(options);
        Assert.Empty(options.Validate("ErpRest"));
        var producer = new KafkaRecordSink(new CanonicalRecordProducer(Kafka, SerDes, $"it-erp-{name}"));
        var deadLetters = new DeadLetterPublisher(Kafka, SerDes);
        var offsets = new KafkaConnectorOffsetStore(Kafka, SerDes);
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var sink = new ErpSinkConnector(new ConnectorContext(name, producer, deadLetters, offsets), options, profile ?? Profile("netsuite-journal-entries"), null, Kafka, SerDes, http, Metrics);
        owned.AddRange([sink, http, offsets, deadLetters, producer]);
        return sink;
    }

    /// <summary>Writes <paramref name="count"/> journals with posting ids <c>JE-&lt;run&gt;-&lt;n&gt;</c>; returns the ids.</summary>
    public async Task<IReadOnlyList<string>> ProduceJournalsAsync(int count, CancellationToken ct, string entity = "US01", int from = 1)
    {
        using var producer = new CanonicalRecordProducer(Kafka, SerDes, "it-erp-journals");
        var ids = Enumerable.Range(from, count).Select(i => $"JE-{Run}-{entity}-{i:D3}").ToList();
        foreach (var id in ids)
            await producer.ProduceAsync(Topics.JournalPostings, id, StreamFinance.TestSupport.Erp.ErpPostingSamples.Journal(id, entity, entity == "DE01" ? "EUR" : "USD", 100m + ids.IndexOf(id)), ct);
        return ids;
    }

    /// <summary>This run's confirmations so far.</summary>
    public List<StreamFinance.Contracts.Transactions.PostingConfirmation> Confirmations(CancellationToken ct) =>
        TopicReader.ReadValues(Stack.BootstrapServers, Topics.PostingConfirmations, SerDes, TimeSpan.FromSeconds(20), ct).Where(c => c.postingId.Contains(Run, StringComparison.Ordinal)).ToList();

    /// <summary>This run's documents in the fake ERP.</summary>
    public List<FakeErpDocument> Documents() => Erp.Documents.Where(d => d.IdempotencyKey.Contains(Run, StringComparison.Ordinal)).ToList();

    /// <summary>This run's calls to the fake ERP.</summary>
    public List<FakeErpCall> Calls() => Erp.Calls.Where(c => c.IdempotencyKey?.Contains(Run, StringComparison.Ordinal) == true).ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in owned.AsEnumerable().Reverse())
            disposable.Dispose();
        await Erp.DisposeAsync();
    }
}
