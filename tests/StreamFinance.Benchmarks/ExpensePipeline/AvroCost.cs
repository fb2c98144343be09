using System.Diagnostics;
using System.Globalization;
using Avro.Specific;
using Confluent.Kafka;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Benchmarks.ExpensePipeline;

/// <summary>Cost of one Avro serialization or deserialization through the SerDes the topologies use, per record, on one thread.</summary>
internal sealed record AvroCost(string Label, double MicrosecondsPerRecord, long BytesAllocatedPerRecord)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Label,-44} {MicrosecondsPerRecord,7:0.00} us/record  {BytesAllocatedPerRecord,6:N0} B/record");

    public static AvroCost Serialize<T>(string label, ISerDes<T> serDes, string topic, IReadOnlyList<T> values) where T : class, ISpecificRecord
    {
        var context = new SerializationContext(MessageComponentType.Value, topic);
        return Measure(label, values.Count, i => serDes.Serialize(values[i], context));
    }

    public static AvroCost Deserialize<T>(string label, ISerDes<T> serDes, string topic, IReadOnlyList<byte[]> payloads) where T : class, ISpecificRecord
    {
        var context = new SerializationContext(MessageComponentType.Value, topic);
        return Measure(label, payloads.Count, i => serDes.Deserialize(payloads[i], context));
    }

    private static AvroCost Measure(string label, int count, Func<int, object> operation)
    {
        for (var i = 0; i < Math.Min(count, 2_000); i++)
            operation(i);
        var rounds = Math.Max(1, 200_000 / Math.Max(1, count));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
            for (var i = 0; i < count; i++)
                operation(i);
        var elapsed = clock.Elapsed;
        var operations = (long)rounds * count;
        return new AvroCost(label, elapsed.TotalMicroseconds / operations, (GC.GetAllocatedBytesForCurrentThread() - allocated) / operations);
    }
}
