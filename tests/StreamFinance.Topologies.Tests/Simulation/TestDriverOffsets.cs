using System.Reflection;
using Streamiz.Kafka.Net.Mock;

namespace StreamFinance.Topologies.Tests.Simulation;

/// <summary>
/// Where a <see cref="TopologyTestDriver"/> input topic numbers its next record. Streamiz's driver numbers the records
/// piped into an input topic from offset 0 in every new driver, where a restarted Kafka consumer reads on from the
/// offsets it committed; a <see cref="SimulatedApp"/> restarts drivers, so it moves the counter to the application's
/// position, and a record read again after a crash arrives at the offset it had. Streamiz 1.8 has no public way to do
/// this: the counter is reached by reflection, and a change of those internals fails here, naming what is missing.
/// </summary>
internal static class TestDriverOffsets
{
    /// <summary>Makes <paramref name="offset"/> the offset of the next record piped into <paramref name="input"/>.</summary>
    public static void StartAt<TKey, TValue>(TestInputTopic<TKey, TValue> input, long offset)
    {
        var pipe = Field(input, "pipe");
        var publisher = Field(pipe, "publisher");
        var counter = publisher.GetType().GetField("offset", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw Missing(publisher, "offset");
        counter.SetValue(publisher, checked((int)offset));
    }

    private static object Field(object owner, string name) =>
        owner.GetType().GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(owner) ?? throw Missing(owner, name);

    private static InvalidOperationException Missing(object owner, string name) =>
        new($"Streamiz's {owner.GetType().FullName} has no field '{name}' any more: the simulation cannot make a restarted test driver read on at its committed offsets (see {nameof(TestDriverOffsets)}).");
}
