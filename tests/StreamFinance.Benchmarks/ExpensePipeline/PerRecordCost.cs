using System.Diagnostics;
using System.Globalization;
using Avro.Specific;
using Confluent.Kafka;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Benchmarks.ExpensePipeline;

/// <summary>Cost of one operation per record on one thread (an Avro serialization or deserialization through the topologies' SerDes, a rule evaluation): time and bytes allocated.</summary>
internal sealed record PerRecordCost(string Label, double MicrosecondsPerRecord, long BytesAllocatedPerRecord)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Label,-44} {MicrosecondsPerRecord,7:0.00} us/record  {BytesAllocatedPerRecord,6:N0} B/record");

    public static PerRecordCost Serialize<T>(string label, ISerDes<T> serDes, string topic, IReadOnlyList<T> values) where T : class, ISpecificRecord
    {
        var context = new SerializationContext(MessageComponentType.Value, topic);
        return Measure(label, values.Count, i => serDes.Serialize(values[i], context));
    }

    public static PerRecordCost Deserialize<T>(string label, ISerDes<T> serDes, string topic, IReadOnlyList<byte[]> payloads) where T : class, ISpecificRecord
    {
        var context = new SerializationContext(MessageComponentType.Value, topic);
        return Measure(label, payloads.Count, i => serDes.Deserialize(payloads[i], context));
    }

    /// <summary>Runs <paramref name="operation"/> over items 0..<paramref name="count"/>-1 after a warm-up, about <paramref name="operations"/> times in all.</summary>
    public static PerRecordCost Measure(string label, int count, Func<int, object> operation, int operations = 200_000)
    {
        for (var i = 0; i < Math.Min(count, 2_000); i++)
            operation(i);
        var rounds = Math.Max(1, operations / Math.Max(1, count));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
            for (var i = 0; i < count; i++)
                operation(i);
        var elapsed = clock.Elapsed;
        var performed = (long)rounds * count;
        return new PerRecordCost(label, elapsed.TotalMicroseconds / performed, (GC.GetAllocatedBytesForCurrentThread() - allocated) / performed);
    }
}
