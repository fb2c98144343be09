using StreamFinance.Kafka.Internal;

namespace StreamFinance.Kafka.Docs;

/// <summary>A state store of a sub-topology (global stores are <see cref="GlobalTableDoc"/>).</summary>
/// <param name="Name">The store's name.</param>
/// <param name="SubTopology">Id of the sub-topology that owns it.</param>
/// <param name="Processors">Names of the processors that use it, in sub-topology order.</param>
/// <param name="Changelog">Its changelog topic, or null when logging is disabled.</param>
internal sealed record StateStoreDoc(string Name, int SubTopology, IReadOnlyList<string> Processors, InternalTopic? Changelog);
