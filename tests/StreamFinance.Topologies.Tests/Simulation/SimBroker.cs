using Confluent.Kafka;

namespace StreamFinance.Topologies.Tests.Simulation;

/// <summary>One record of a <see cref="SimBroker"/> topic: raw bytes as a Kafka log holds them.</summary>
internal sealed record SimRecord(byte[] Key, byte[] Value, Headers? Headers);

/// <summary>
/// The simulated cluster: one partition per topic, each an append-only list of raw records read by offset. Applications
/// (<see cref="SimulatedApp"/>) read their inputs from here at their own positions and append what they commit; so a
/// record on a topic here is what a <c>read_committed</c> consumer sees.
/// </summary>
internal sealed class SimBroker
{
    private readonly Dictionary<string, List<SimRecord>> topics = new(StringComparer.Ordinal);

    public IReadOnlyList<SimRecord> Topic(string name) => Log(name);

    public void Append(string topic, SimRecord record) => Log(topic).Add(record);

    public int End(string topic) => Log(topic).Count;

    private List<SimRecord> Log(string name)
    {
        if (!topics.TryGetValue(name, out var log))
            topics[name] = log = [];
        return log;
    }
}
