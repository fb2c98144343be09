namespace StreamFinance.Host.Provisioning;

/// <summary>A topic that must exist before anything runs, with the configs Kafka must hold for it.</summary>
/// <param name="Name">Topic name.</param>
/// <param name="Partitions">Partition count.</param>
/// <param name="Configs">Topic-level configs (cleanup.policy, retention.ms, ...).</param>
/// <param name="Origin">Why it is needed: "catalog" or "internal: &lt;topology&gt; changelog/repartition".</param>
public sealed record TopicRequirement(string Name, int Partitions, IReadOnlyDictionary<string, string> Configs, string Origin);
