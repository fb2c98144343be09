using StreamFinance.Kafka.Internal;

namespace StreamFinance.Kafka.Docs;

/// <summary>A repartition topic: one sub-topology re-keys records into it, another reads them back by the new key.</summary>
/// <param name="Name">Its undecorated name, as in the topology description (<c>&lt;name&gt;-repartition</c>).</param>
/// <param name="Topic">The topic on Kafka, prefixed with the application id, with its partition count.</param>
/// <param name="WrittenBy">Ids of the sub-topologies that write it.</param>
/// <param name="ReadBy">Ids of the sub-topologies that read it.</param>
internal sealed record RepartitionTopicDoc(string Name, InternalTopic Topic, IReadOnlyList<int> WrittenBy, IReadOnlyList<int> ReadBy);
