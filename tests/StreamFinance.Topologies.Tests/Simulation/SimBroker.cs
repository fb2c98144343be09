using Confluent.Kafka;

namespace StreamFinance.Topologies.Tests.Simulation;

/// <summary>One record of a <see cref="SimBroker"/> topic: raw bytes and timestamp as a Kafka log holds them.</summary>
/// <param name="Timestamp">Its timestamp; null until <see cref="SimBroker.Append"/> stamps it (a source's records).</param>
internal sealed record SimRecord(byte[] Key, byte[] Value, Headers? Headers, DateTime? Timestamp = null);

/// <summary>
/// The simulated cluster: one partition per topic, each an append-only list of raw records read by offset. Applications
/// (<see cref="SimulatedApp"/>) read their inputs from here at their own positions and append what they commit; so a
/// record on a topic here is what a <c>read_committed</c> consumer sees.
/// </summary>
internal sealed class SimBroker
{
    private readonly Dictionary<string, List<SimRecord>> topics = new(StringComparer.Ordinal);
    private int stamped;

    public IReadOnlyList<SimRecord> Topic(string name) => Log(name);

    /// <summary>
    /// Appends <paramref name="record"/>. One without a timestamp (a source's) gets one of its own, a millisecond after
    /// the last, as a producer stamps each record it sends; one written by an application keeps the timestamp it was
    /// written with (that of the input it came from), and a producer retry appends the same record, timestamp and all.
    /// </summary>
    public void Append(string topic, SimRecord record) =>
        Log(topic).Add(record.Timestamp is null ? record with { Timestamp = SimWorld.Start.UtcDateTime.AddMilliseconds(++stamped) } : record);

    public int End(string topic) => Log(topic).Count;

    private List<SimRecord> Log(string name)
    {
        if (!topics.TryGetValue(name, out var log))
            topics[name] = log = [];
        return log;
    }
}
