using System.Diagnostics;
using Confluent.Kafka;
using StreamFinance.Benchmarks.Kafka;

namespace StreamFinance.Benchmarks.ExpensePipeline;

/// <summary>
/// The yardstick: a plain Confluent.Kafka consumer that forwards every record's key, value and headers unchanged, as
/// bytes, through an idempotent acks=all producer (the guarantees the pipeline's producer has), until every forwarded
/// record is acknowledged. Timed from the record after the first <c>warmup</c> ones to the last acknowledgement.
/// </summary>
internal static class RawPassthrough
{
    public static Throughput Run(string bootstrapServers, string inputTopic, string outputTopic, int count, int warmup, CancellationToken ct)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"passthrough-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = true,
            EnablePartitionEof = false,
        }).Build();
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
        }).Build();

        consumer.Subscribe(inputTopic);
        long acknowledged = 0;
        long failed = 0;
        var forwarded = 0;
        Stopwatch? clock = null;
        var cpu = TimeSpan.Zero;
        void OnDelivery(DeliveryReport<byte[], byte[]> report)
        {
            if (report.Error.IsError)
                Interlocked.Increment(ref failed);
            else
                Interlocked.Increment(ref acknowledged);
        }

        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (forwarded < count)
        {
            ct.ThrowIfCancellationRequested();
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Passthrough forwarded {forwarded} of {count} records within 5 minutes.");
            var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (record is null)
                continue;
            if (forwarded == warmup)
            {
                clock = Stopwatch.StartNew();
                cpu = Throughput.ProcessCpu();
            }
            var message = new Message<byte[], byte[]> { Key = record.Message.Key, Value = record.Message.Value, Headers = record.Message.Headers };
            producer.ProduceWaiting(outputTopic, message, OnDelivery);
            forwarded++;
        }
        producer.Flush(TimeSpan.FromMinutes(1));
        var elapsed = clock!.Elapsed;
        cpu = Throughput.ProcessCpu() - cpu;
        consumer.Close();
        if (Interlocked.Read(ref failed) > 0 || Interlocked.Read(ref acknowledged) != count)
            throw new InvalidOperationException($"Passthrough: {Interlocked.Read(ref acknowledged)} acknowledged, {Interlocked.Read(ref failed)} failed, of {count}.");
        return new Throughput("raw consume-and-produce passthrough", count - warmup, elapsed, cpu);
    }
}
