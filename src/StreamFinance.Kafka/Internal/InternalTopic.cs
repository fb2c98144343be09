namespace StreamFinance.Kafka.Internal;

/// <summary>
/// A topic a Streamiz application needs besides its source and sink topics, with the partition count
/// and cleanup policy Streamiz expects to find when it starts.
/// </summary>
/// <param name="Name">Full topic name, prefixed with the application id.</param>
/// <param name="Partitions">Partition count; Streamiz refuses to start if an existing topic has another.</param>
/// <param name="Compacted">True for <c>cleanup.policy=compact</c> (changelogs; windowed-store changelogs are <c>compact,delete</c>), false for <c>delete</c>.</param>
/// <param name="Kind"><see cref="ChangelogKind"/> or <see cref="RepartitionKind"/>.</param>
public sealed record InternalTopic(string Name, int Partitions, bool Compacted, string Kind)
{
    /// <summary>Kind of <c>&lt;applicationId&gt;-&lt;store&gt;-changelog</c> topics, which back logged state stores.</summary>
    public const string ChangelogKind = "changelog";

    /// <summary>Kind of <c>&lt;applicationId&gt;-&lt;name&gt;-repartition</c> topics, which re-key a stream between sub-topologies.</summary>
    public const string RepartitionKind = "repartition";
}
