using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using StreamFinance.Connectors.FileDrop;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Offsets;
using StreamFinance.Connectors.Producing;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Sources;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Embedded.Broker;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Benchmarks.Kafka;

namespace StreamFinance.Benchmarks.ConnectorIngest;

/// <summary>
/// File-drop CSV ingest through the whole connector path (read, parse, map, Avro, idempotent acks=all produce,
/// acknowledgement tracking, offset commits, move to processed/) against a raw Confluent.Kafka produce of the same
/// records pre-serialized (same producer settings, same embedded broker, same run); prints records/s of each and the ratio.
/// </summary>
internal static class ConnectorIngestBenchmark
{
    private const string RawTopic = "benchmark.raw-expenses";

    public static async Task RunAsync(int rows, TextWriter output, CancellationToken ct)
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        await using var registry = await EmbeddedSchemaRegistry.StartAsync(0, ct: ct);
        foreach (var topic in new TopicSpec[] { Topics.Expenses, Topics.IngestDeadLetters, Topics.ConnectorOffsets })
            cluster.CreateTopic(topic.Name, topic.Partitions);
        cluster.CreateTopic(RawTopic, Topics.Expenses.Partitions);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers, ClientIdPrefix = "benchmark" };
        var serDes = new SerDesFactory(SchemaRegistryClients.For(registry.Url));
        var file = BenchmarkExpenses.File(rows);
        var (mapper, format) = BenchmarkExpenses.Load();
        output.WriteLine($"connector-ingest: {rows:N0} CSV rows ({file.Length / 1024.0 / 1024.0:F1} MiB), embedded broker {cluster.BootstrapServers}, {Environment.ProcessorCount} cores");

        var (raw, preparation) = await RawProduceAsync(kafka, serDes, mapper, format, file, ct);
        var connector = await ConnectorAsync(kafka, serDes, mapper, format, file, rows, ct);

        output.WriteLine($"  raw Confluent.Kafka produce (pre-serialized, idempotent, acks=all): {raw:N0} records/s");
        output.WriteLine($"  (preparing those records outside the clock: parse, map, Avro-serialize, headers: {preparation:N0} records/s on one thread)");
        output.WriteLine($"  file-drop connector (read, map, serialize, produce, ack, commit):   {connector:N0} records/s");
        output.WriteLine($"  ratio connector / raw: {connector / raw:P0}");
    }

    private static async Task<double> ConnectorAsync(
        KafkaOptions kafka, SerDesFactory serDes, IRecordMapper mapper, ISourceFormat format, byte[] file, int rows, CancellationToken ct)
    {
        var inbox = Directory.CreateTempSubdirectory("sf-bench-inbox-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(inbox, "expenses.csv"), file, ct);
            using var sink = new KafkaRecordSink(new CanonicalRecordProducer(kafka, serDes, "benchmark-connector"));
            using var deadLetters = new DeadLetterPublisher(kafka, serDes);
            using var offsets = new KafkaConnectorOffsetStore(kafka, serDes);
            var context = new ConnectorContext("benchmark-files", sink, deadLetters, offsets, NullLogger.Instance);
            var connector = new FileDropConnector(context, new FileDropOptions { Inbox = inbox, SettleMs = 0 }, mapper, format);
            await WarmUpAsync(kafka, serDes, mapper, format, ct);

            var watch = Stopwatch.StartNew();
            var result = (await connector.ScanOnceAsync(ct)).Single();
            watch.Stop();
            if (result.Produced != rows)
                throw new InvalidOperationException($"The connector produced {result.Produced} of {rows} rows ({result}); the benchmark is void.");
            return rows / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            Directory.Delete(inbox, recursive: true);
        }
    }

    private static async Task<(double RecordsPerSecond, double PreparationPerSecond)> RawProduceAsync(
        KafkaOptions kafka, SerDesFactory serDes, IRecordMapper mapper, ISourceFormat format, byte[] file, CancellationToken ct)
    {
        // Pre-serialize outside the measurement: the same records, bytes and headers the connector would send.
        var avro = serDes.Avro<ExpenseLine>();
        await WarmUpAsync(kafka, serDes, mapper, format, ct);
        var now = DateTime.UtcNow;
        var preparing = Stopwatch.StartNew();
        var messages = format.Read(file, "expenses.csv", mapper.FormatOptions)
            .Select(r => mapper.Map(r.Record!, now).Record!)
            .Select(m =>
            {
                var expense = (ExpenseLine)m.Value;
                var headers = new Headers
                {
                    { RecordHeaders.CorrelationId, System.Text.Encoding.UTF8.GetBytes(expense.envelope.correlationId) },
                    { RecordHeaders.SourceSystem, System.Text.Encoding.UTF8.GetBytes(expense.envelope.sourceSystem) },
                    { RecordHeaders.IdempotencyKey, System.Text.Encoding.UTF8.GetBytes(expense.envelope.idempotencyKey) },
                    { RecordHeaders.IngestTime, System.Text.Encoding.UTF8.GetBytes(now.ToString("O")) },
                };
                var value = avro.Serialize(expense, new SerializationContext(MessageComponentType.Value, RawTopic, headers));
                return new Message<string, byte[]> { Key = m.Key, Value = value, Headers = headers };
            })
            .ToList();
        var preparation = messages.Count / preparing.Elapsed.TotalSeconds;

        var config = kafka.ApplyTo(new ProducerConfig(), "benchmark-raw");
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        config.LingerMs = 5;
        using var producer = new ProducerBuilder<string, byte[]>(config).Build();
        long failed = 0;
        var watch = Stopwatch.StartNew();
        foreach (var message in messages)
        {
            producer.ProduceWaiting(RawTopic, message, r => { if (r.Error.IsError) Interlocked.Increment(ref failed); });
        }

        producer.Flush(ct);
        watch.Stop();
        if (failed > 0)
            throw new InvalidOperationException($"{failed} raw records were not acknowledged; the benchmark is void.");
        return (messages.Count / watch.Elapsed.TotalSeconds, preparation);
    }

    // Registers the schemas and opens the connections before any clock starts.
    private static async Task WarmUpAsync(KafkaOptions kafka, SerDesFactory serDes, IRecordMapper mapper, ISourceFormat format, CancellationToken ct)
    {
        using var producer = new CanonicalRecordProducer(kafka, serDes, "benchmark-warmup");
        var expense = mapper.Map(format.Read(BenchmarkExpenses.File(1), "warmup.csv", mapper.FormatOptions).Single().Record!, DateTime.UtcNow).Record!;
        await producer.ProduceAsync(Topics.Expenses, expense.Key, expense.Value, ct);
    }
}
