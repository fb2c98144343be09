using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Offsets;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Connectors.Runtime;

/// <summary>
/// The connectors as <see cref="TopicUser"/>s, from the code that writes: every connector dead-letters to
/// <see cref="IngestPipeline.DeadLetterTopic"/>, records what it ingests in <see cref="Topics.AuditEmitted"/> and keeps
/// its position in <see cref="KafkaConnectorOffsetStore.Topic"/>;
/// a connector reading with a mapping profile writes the profile's target topic; the generator writes
/// <see cref="SampleDataGenerator.WrittenTopics"/>.
/// </summary>
public static class ConnectorTopicUsers
{
    /// <summary>What every connector writes and reads, whatever its source.</summary>
    public static TopicUser Runtime { get; } = new(
        TopicUserKind.Connectors, "connectors", [KafkaConnectorOffsetStore.Topic], [IngestPipeline.DeadLetterTopic, Topics.AuditEmitted, KafkaConnectorOffsetStore.Topic]);

    /// <summary>The sample-data generator.</summary>
    public static TopicUser Generator { get; } = new(TopicUserKind.Generator, "generator", [], SampleDataGenerator.WrittenTopics);

    /// <summary>A connector reading with <paramref name="profile"/>: it writes the profile's target topic.</summary>
    public static TopicUser Profile(IRecordMapper profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new TopicUser(TopicUserKind.ConnectorProfile, profile.ProfileName, [], [profile.TargetTopic]);
    }

    /// <summary>The runtime, the generator and one user per profile of <paramref name="profiles"/>.</summary>
    public static IReadOnlyList<TopicUser> With(IEnumerable<IRecordMapper> profiles) => [Runtime, Generator, .. profiles.Select(Profile)];
}
