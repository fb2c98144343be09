using System.Collections;
using System.Reflection;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;

namespace StreamFinance.Kafka.Internal;

/// <summary>
/// The two facts about a built topology that Streamiz 1.8.2 keeps out of <see cref="Topology.Describe"/>:
/// which topics it manages itself (repartition topics, with any fixed partition count) and which
/// state stores are logged to a changelog. Read, never modified, from Streamiz's internal builder.
/// </summary>
internal sealed class StreamizTopologyInternals
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    private StreamizTopologyInternals(IReadOnlyDictionary<string, int?> managedTopics, IReadOnlyDictionary<string, IStoreBuilder> stores)
    {
        ManagedTopics = managedTopics;
        Stores = stores;
    }

    /// <summary>Topics Streamiz creates itself, by undecorated name (as in the description), with a fixed partition count if one was set.</summary>
    public IReadOnlyDictionary<string, int?> ManagedTopics { get; }

    /// <summary>Builders of the non-global state stores, by store name.</summary>
    public IReadOnlyDictionary<string, IStoreBuilder> Stores { get; }

    /// <summary>Reads the internals of <paramref name="topology"/>.</summary>
    /// <exception cref="NotSupportedException">The Streamiz version in use keeps them elsewhere.</exception>
    public static StreamizTopologyInternals Read(Topology topology)
    {
        var builder = Member(typeof(Topology).GetProperty("Builder", Instance)?.GetValue(topology), "Topology.Builder");
        var managed = Member(Field(builder, "internalTopics"), "InternalTopologyBuilder.internalTopics") as IDictionary<string, int?>
            ?? throw Unsupported("InternalTopologyBuilder.internalTopics is no longer a dictionary of topic to partition count");
        var factories = Member(Field(builder, "stateFactories"), "InternalTopologyBuilder.stateFactories") as IDictionary
            ?? throw Unsupported("InternalTopologyBuilder.stateFactories is no longer a dictionary");

        var stores = new Dictionary<string, IStoreBuilder>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in factories)
        {
            stores[(string)entry.Key] = Member(Field(entry.Value, "storeBuilder"), "StateStoreFactory.storeBuilder") as IStoreBuilder
                ?? throw Unsupported("StateStoreFactory.storeBuilder is no longer an IStoreBuilder");
        }

        return new StreamizTopologyInternals(new Dictionary<string, int?>(managed, StringComparer.Ordinal), stores);
    }

    private static object? Field(object? owner, string name) => owner?.GetType().GetField(name, Instance)?.GetValue(owner);

    private static object Member(object? value, string member) => value ?? throw Unsupported($"{member} was not found");

    private static NotSupportedException Unsupported(string what) =>
        new($"Cannot derive internal topics from this Streamiz topology: {what}. " +
            $"InternalTopics reads Streamiz {typeof(Topology).Assembly.GetName().Version} internals as laid out in 1.8.2; " +
            "after a Streamiz upgrade, update StreamizTopologyInternals to the new layout.");
}
