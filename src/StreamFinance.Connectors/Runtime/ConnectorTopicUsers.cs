using StreamFinance.Connectors.ErpSink;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Mapping.Outbound;
using StreamFinance.Connectors.Offsets;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Connectors.Runtime;

/// <summary>
/// The connectors as <see cref="TopicUser"/>s, from the code that writes: every connector dead-letters to
/// <see cref="IngestPipeline.DeadLetterTopic"/>, records what it ingests in <see cref="Topics.AuditEmitted"/> and keeps
/// its position in <see cref="KafkaConnectorOffsetStore.Topic"/>;
/// a connector reading with a mapping profile writes the profile's target topic; the generator writes
/// <see cref="SampleDataGenerator.WrittenTopics"/>; an ERP sink with an outbound profile reads the profile's
/// <c>erp.*</c> topic and writes <see cref="Topics.PostingConfirmations"/>, <see cref="ErpAnswerRecorder.DeadLetterTopic"/>
/// and <see cref="Topics.AuditEmitted"/>.
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

    /// <summary>An ERP sink sending with <paramref name="profile"/>.</summary>
    public static TopicUser Sink(OutboundProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new TopicUser(TopicUserKind.ConnectorProfile, profile.Name, [profile.Source], [Topics.PostingConfirmations, ErpAnswerRecorder.DeadLetterTopic, Topics.AuditEmitted]);
    }

    /// <summary>The runtime, the generator, one user per profile of <paramref name="profiles"/> and one per outbound profile of <paramref name="outbound"/>.</summary>
    public static IReadOnlyList<TopicUser> With(IEnumerable<IRecordMapper> profiles, IEnumerable<OutboundProfile>? outbound = null) =>
        [Runtime, Generator, .. profiles.Select(Profile), .. (outbound ?? []).Select(Sink)];
}
