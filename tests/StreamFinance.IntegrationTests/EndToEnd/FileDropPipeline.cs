using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Avro.Specific;
using Confluent.Kafka;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Producing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.IntegrationTests.Processes;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using StreamFinance.TestSupport.Files;
using StreamFinance.TestSupport.Kafka;
using StreamFinance.TestSupport.Metrics;
using StreamFinance.Topologies.Expenses;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.IntegrationTests.EndToEnd;

/// <summary>
/// The product as an operator runs it, for the scenarios that stop or kill it: the embedded broker in a process of its
/// own, loaded with the sample world's master data; a work folder with a file-drop inbox for the Concur and Expensify
/// profiles and the settings of <c>run</c> (every topology, short posting windows, free ports, state under the work
/// folder); and <c>run</c> processes started against them, each with the same state. Reads what reached the topics.
/// </summary>
public sealed class FileDropPipeline : IAsyncDisposable
{
    /// <summary>How long a start may take to answer 200 on <c>/health/ready</c>.</summary>
    public static readonly TimeSpan ReadyPatience = TimeSpan.FromSeconds(60);

    private static readonly Regex MetricsLine = new(@"Metrics at (\S+metrics), health");

    private readonly TempDirectory work;
    private readonly IReadOnlyDictionary<string, string> inboxes;
    private readonly string[] runArguments;

    private FileDropPipeline(BrokerProcess broker, TempDirectory work, string name, TimeSpan windowSize, ProcessingGuarantee? guarantee)
    {
        Broker = broker;
        this.work = work;
        Name = name;
        SerDes = SerDesFactory.FromOptions(new SchemaRegistryOptions { Url = broker.SchemaRegistryUrl });
        inboxes = new[] { SampleWorldVendorFiles.ConcurProfile, SampleWorldVendorFiles.ExpensifyProfile }
            .ToDictionary(p => p, p => Directory.CreateDirectory(Path.Combine(work.Path, "inbox", p)).FullName);
        runArguments = ["run", .. broker.RunArguments, "--config", WriteSettings(windowSize, guarantee)];
    }

    /// <summary>The broker process, which outlives every pipeline process.</summary>
    public BrokerProcess Broker { get; }

    /// <summary>Names the application id prefix and the connectors (<c>{name}-concur</c>, <c>{name}-expensify</c>).</summary>
    public string Name { get; }

    /// <summary>SerDes over the broker's Schema Registry.</summary>
    public SerDesFactory SerDes { get; }

    /// <summary>
    /// Starts the broker, produces the sample world's master data (generator seed 7) and writes the settings.
    /// </summary>
    /// <param name="name">Lower-case letters and digits: the application id prefix and the connectors' prefix.</param>
    /// <param name="windowSize">Posting window size (at least 10 s); grace is 2 s and windows are checked every second.</param>
    /// <param name="ct">The test's cancellation.</param>
    /// <param name="guarantee">The processing guarantee of every topology; default the product's (EXACTLY_ONCE).</param>
    public static async Task<FileDropPipeline> StartAsync(string name, TimeSpan windowSize, CancellationToken ct, ProcessingGuarantee? guarantee = null)
    {
        var broker = await BrokerProcess.StartAsync();
        var work = new TempDirectory(name);
        try
        {
            var kafka = new KafkaOptions { BootstrapServers = broker.BootstrapServers, ClientIdPrefix = name };
            var serDes = SerDesFactory.FromOptions(new SchemaRegistryOptions { Url = broker.SchemaRegistryUrl });
            using (var producer = new CanonicalRecordProducer(kafka, serDes, $"{name}-master-data"))
            {
                foreach (var record in new SampleDataGenerator(7).MasterData())
                    await producer.ProduceAsync(record.Topic, record.Key, record.Value, ct);
            }
            return new FileDropPipeline(broker, work, name, windowSize, guarantee);
        }
        catch
        {
            await broker.DisposeAsync();
            work.Dispose();
            throw;
        }
    }

    /// <summary>Starts <c>run</c> with the same settings and state folder as every earlier start.</summary>
    public StreamFinanceProcess Start() => StreamFinanceProcess.Start(runArguments);

    /// <summary>Waits until <paramref name="process"/> prints its health address and answers 200 on <c>/health/ready</c>; returns the seconds that took.</summary>
    public static async Task<double> WaitReadyAsync(StreamFinanceProcess process)
    {
        var clock = Stopwatch.StartNew();
        var ready = new Uri(await process.WaitForLineAsync(@"health at \S+ and (\S+)$", ReadyPatience));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Wait.UntilNoneMissingAsync("/health/ready to answer 200", ReadyPatience - clock.Elapsed,
            async () =>
            {
                try
                {
                    using var answer = await http.GetAsync(ready, TestContext.Current.CancellationToken);
                    return answer.StatusCode == HttpStatusCode.OK ? null : await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                }
                catch (HttpRequestException e)
                {
                    return e.Message;
                }
            },
            last => last is null ? null : $"200; last answer: {last}", TimeSpan.FromMilliseconds(250),
            stopped: () => process.HasExited ? "the process exited" : null,
            detail: () => $"Output:{Environment.NewLine}{process.Tail()}");
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Expense lines <paramref name="process"/> holds for master data now (<c>streamfinance_records_held{hold="expense.md-waits"}</c>
    /// on its <c>/metrics</c>; 0 before the first hold); null when the endpoint does not answer.
    /// </summary>
    public static double? HeldNow(StreamFinanceProcess process)
    {
        var metrics = process.Lines.Select(l => MetricsLine.Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        if (metrics is null)
            return null;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            var text = PrometheusText.Parse(http.GetStringAsync(new Uri(metrics), TestContext.Current.CancellationToken).GetAwaiter().GetResult());
            return text.Value("streamfinance_records_held", ("hold", ExpenseNames.MasterDataWaitStore)) ?? 0;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>
    /// The offsets the broker keeps for the consumer group of <paramref name="topology"/> (application id
    /// <c>{name}-{topology}</c>) on <paramref name="topic"/>, per partition; a partition with none is left out. Under
    /// EXACTLY_ONCE the embedded broker accepts the transactional offset commits but keeps none (ENVIRONMENT.md).
    /// </summary>
    public IReadOnlyList<TopicPartitionOffset> CommittedOffsets(string topology, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = Broker.BootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Select(p => new TopicPartition(topic, p.PartitionId)).ToList();
        var config = new ConsumerConfig { BootstrapServers = Broker.BootstrapServers, GroupId = $"{Name}-{topology}", EnableAutoCommit = false };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        return consumer.Committed(partitions, TimeSpan.FromSeconds(10)).Where(o => o.Offset != Offset.Unset).ToList();
    }

    /// <summary>Writes each file into its profile's inbox under a temporary name first, as an uploader does, oldest first (<see cref="EndToEndPipeline.Drop"/>).</summary>
    public void Drop(IReadOnlyList<VendorFile> files) => EndToEndPipeline.Drop(files, inboxes);

    /// <summary>Every value on <paramref name="topic"/>, decoded, in partition then offset order (tombstones left out).</summary>
    public List<T> Read<T>(Topic<string, T> topic) where T : class, ISpecificRecord =>
        TopicReader.ReadValues(Broker.BootstrapServers, topic, SerDes, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Broker.DisposeAsync();
        work.Dispose();
    }

    /// <summary>The pipeline's settings: the connectors, short posting windows, free ports, state under the work folder, the guarantee when given.</summary>
    private string WriteSettings(TimeSpan windowSize, ProcessingGuarantee? guarantee)
    {
        object Connector(string profile) => new
        {
            Kind = "FileDrop",
            Profile = profile,
            Topic = Topics.Expenses.Name,
            FileDrop = new { Inbox = inboxes[profile], PollIntervalMs = 200, SettleMs = 0 },
        };
        var settings = new
        {
            Streams = new Dictionary<string, object>
            {
                ["ApplicationIdPrefix"] = Name,
                ["StateDir"] = Path.Combine(work.Path, "state"),
                ["CommitIntervalMs"] = 200,
                ["ProcessingGuarantee"] = (guarantee ?? new StreamsOptions().ProcessingGuarantee).ToString(),
            },
            Observability = new { MetricsPort = 0, RegistryCheckIntervalSeconds = 1 },
            Api = new { Port = 0 },
            Posting = new { WindowSize = windowSize.ToString("c"), GracePeriod = "00:00:02", CloseCheckInterval = "00:00:01" },
            Connectors = new Dictionary<string, object>
            {
                [$"{Name}-concur"] = Connector(SampleWorldVendorFiles.ConcurProfile),
                [$"{Name}-expensify"] = Connector(SampleWorldVendorFiles.ExpensifyProfile),
            },
        };
        var path = Path.Combine(work.Path, "appsettings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(settings));
        return path;
    }
}
