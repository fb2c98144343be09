using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Producing;
using StreamFinance.Topologies.Configuration;
using StreamFinance.Topologies.SerDes;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// Feeds the demo: writes the sample master data once, then transactions at a steady rate until stopped.
/// Delivery failures are counted and logged, never ignored. With <paramref name="statisticsIntervalMs"/> above 0
/// (default 0, off), its producer publishes librdkafka statistics (queue depth, request errors) to Prometheus.
/// </summary>
public sealed class GeneratorService(
    SampleDataGenerator generator, KafkaOptions kafka, SerDesFactory serDes, int recordsPerSecond, ILogger<GeneratorService> logger, int statisticsIntervalMs = 0)
    : BackgroundService
{
    private long produced;
    private long failed;

    /// <summary>Records acknowledged by Kafka so far.</summary>
    public long Produced => Interlocked.Read(ref produced);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var producer = new CanonicalRecordProducer(kafka, serDes, "generator", statisticsIntervalMs);
        foreach (var record in generator.MasterData())
            producer.Produce(record.Topic, record.Key, record.Value, OnDelivery);
        producer.Flush(TimeSpan.FromSeconds(30));
        logger.LogInformation("Generator wrote the sample master data ({Count} records)", Produced);

        // Send in small batches every 100 ms so the rate holds without a timer per record.
        var perTick = Math.Max(1, recordsPerSecond / 10);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100 * perTick * 10.0 / recordsPerSecond));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                for (var i = 0; i < perTick; i++)
                {
                    var record = generator.NextTransaction();
                    producer.Produce(record.Topic, record.Key, record.Value, OnDelivery);
                }
        }
        catch (OperationCanceledException)
        {
        }
        producer.Flush(TimeSpan.FromSeconds(10));
        logger.LogInformation("Generator stopped: {Produced} records acknowledged, {Failed} failed", Produced, Interlocked.Read(ref failed));
    }

    private void OnDelivery(Confluent.Kafka.DeliveryReport<string, byte[]> report)
    {
        if (report.Error.IsError)
        {
            Interlocked.Increment(ref failed);
            logger.LogError("Generator could not write to {Topic}: {Reason}", report.Topic, report.Error.Reason);
        }
        else
            Interlocked.Increment(ref produced);
    }
}
