using StreamFinance.TestSupport.DeadLetters;
using Microsoft.Extensions.Time.Testing;
using System.Text;
using Confluent.Kafka;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Observability;
using StreamFinance.Topologies.Tests.DeadLetters;
using StreamFinance.Topologies.Tests.Support;

namespace StreamFinance.Topologies.Tests.PoisonPills;

/// <summary>
/// Issue 14, point 4: every kind of poison pill on every input topic of every topology in <see cref="TopologyCatalog"/>
/// (the matrix is read from the topologies' own declarations, so a new topology or input is covered at once), in a
/// TopologyTestDriver with the host's dead-letter exception handlers. The pill is dead-lettered with its raw bytes for
/// integration support (a tombstone on an event topic inside the topology, anything else by the deserialization
/// handler), and a good record sent after it is processed. The embedded-stack run is in the integration tests.
/// </summary>
public sealed class PoisonPillTests
{
    private const string PoisonKey = "POISON-1";

    public static TheoryData<string, string, PoisonKind> Matrix()
    {
        var data = new TheoryData<string, string, PoisonKind>();
        foreach (var topology in TopologyCatalog.All)
            foreach (var input in topology.Inputs)
                foreach (var kind in Enum.GetValues<PoisonKind>())
                    data.Add(topology.Name, input.Name, kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void A_poison_pill_is_dead_lettered_with_its_bytes_and_the_next_good_record_is_processed(string topologyName, string topicName, PoisonKind kind)
    {
        var topology = TopologyCatalog.All.Single(t => t.Name == topologyName);
        var topic = Topics.ByName(topicName);
        var publisher = new RecordingDeadLetterPublisher();
        var handlers = new DeadLetterExceptionHandlers(topology.Name, topology.DeadLetterTopic, publisher, new DeadLetterFactory(Noon()));
        var metrics = TopologyMetrics.Detached();
        var business = BusinessMetrics.Detached();
        using var harness = new TopologyHarness(topology, serDes => new TopologyContext(serDes, Noon(), metrics, businessMetrics: business),
            config => config.DeserializationExceptionHandler = handlers.OnDeserializationError);
        var input = harness.RawInput(topic.Name);
        var deadLetterOutput = harness.Output(topology.DeadLetterTopic);
        var pill = PoisonPill.Value(kind, harness.Context.SerDes);
        var countedBefore = business.DeadLetters.Count(topology.DeadLetterTopic.Name, ReasonCode.SchemaInvalid);

        input.PipeInput(Encoding.UTF8.GetBytes(PoisonKey), pill!, TestHeaders.Of((RecordHeaders.CorrelationId, "corr-poison")));
        var consumedBefore = metrics.Consumed(topic.Name).Value;
        var (goodKey, goodValue) = GoodRecords.For(topic.Name, harness.Context.SerDes);
        input.PipeInput(Encoding.UTF8.GetBytes(goodKey), goodValue);

        var inTopology = deadLetterOutput.ReadKeyValueList().Select(r => r.Message).ToList();
        if (kind == PoisonKind.NullValue && topic.Cleanup == CleanupPolicy.Compact)
        {
            // A tombstone on a compacted table topic deletes its key: not poison, nothing to dead-letter.
            Assert.Empty(publisher.Published);
            Assert.DoesNotContain(inTopology, m => m.Value.originTopic == topic.Name);
        }
        else if (kind == PoisonKind.NullValue)
        {
            var (deadLetter, headers) = AssertSingle(inTopology.Where(m => m.Value.originTopic == topic.Name).Select(m => (m.Value, m.Headers)), topic, kind);
            Assert.Equal("SCHEMA_INVALID", deadLetter.reasonCode);
            Assert.Null(deadLetter.rawValue);
            Assert.Equal("SCHEMA_INVALID", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Reason));
            Assert.Equal("corr-poison", DeadLetterHeaders.Read(headers, RecordHeaders.CorrelationId));
            Assert.True(business.DeadLetters.Count(topology.DeadLetterTopic.Name, ReasonCode.SchemaInvalid) > countedBefore, "the tombstone's dead letter is counted");
            Assert.Empty(publisher.Published);
        }
        else
        {
            var (_, deadLetter, original, exception) = Assert.Single(publisher.Published);
            AssertDeserializationDeadLetter(deadLetter, topology, topic, pill!);
            var headers = DeadLetterHeaders.For(deadLetter, original, exception);
            Assert.Equal("corr-poison", DeadLetterHeaders.Read(headers, RecordHeaders.CorrelationId));
            Assert.Equal(topic.Name, DeadLetterHeaders.Read(headers, DeadLetterHeaders.Topic));
            Assert.Equal("0", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Offset));
            Assert.Equal("DESERIALIZATION_FAILED", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Reason));
            Assert.Equal(deadLetter.exceptionType, DeadLetterHeaders.Read(headers, DeadLetterHeaders.Exception));
            Assert.DoesNotContain(inTopology, m => m.Value.originTopic == topic.Name && m.Value.originOffset == 0);
        }
        AssertProcessed(harness, topology, topic, goodKey, metrics.Consumed(topic.Name).Value - consumedBefore);
    }

    private static void AssertDeserializationDeadLetter(DeadLetter deadLetter, IStreamTopology topology, TopicSpec topic, byte[] pill)
    {
        Assert.Equal(("DESERIALIZATION_FAILED", OwnerRole.INTEGRATION_SUPPORT), (deadLetter.reasonCode, deadLetter.ownerRole));
        Assert.Equal((topic.Name, 0, 0L), (deadLetter.originTopic, deadLetter.originPartition, deadLetter.originOffset));
        Assert.Equal(PoisonKey, Encoding.UTF8.GetString(deadLetter.rawKey));
        Assert.Equal($"{topology.Name}.deserialize", deadLetter.processor);
        Assert.Equal("corr-poison", deadLetter.correlationId);
        Assert.Contains($"{topic.Name}/0/0", deadLetter.message);
        if (pill.Length > DeadLetterLimits.MaxRawValueBytes)
        {
            Assert.Contains(DeadLetterLimits.Fields.RawValue, deadLetter.truncated);
            Assert.Equal(pill[..DeadLetterLimits.MaxRawValueBytes], deadLetter.rawValue);
            Assert.Equal(pill.LongLength, deadLetter.rawValueLength);
        }
        else
        {
            // The message may be cut (a schema mismatch quotes both schemas), never the raw value.
            Assert.Equal(pill, deadLetter.rawValue);
            Assert.DoesNotContain(DeadLetterLimits.Fields.RawValue, deadLetter.truncated);
        }
    }

    /// <summary>
    /// The good record was processed: a global table's store holds its key; a stream source counted it (each stream
    /// source of a topology counts what it reads, so this fails for a source that stopped or never got the record).
    /// </summary>
    private static void AssertProcessed(TopologyHarness harness, IStreamTopology topology, TopicSpec topic, string key, double consumedAfterPill)
    {
        var globalStores = harness.Topology.Describe().GlobalStores
            .Where(g => g.Source.Topics.Contains(topic.Name)).SelectMany(g => g.Processor.Stores).ToList();
        if (globalStores.Count > 0)
        {
            foreach (var store in globalStores)
                Assert.NotNull(harness.Store<MasterDataHistory>(store).Get(key));
            return;
        }
        Assert.True(consumedAfterPill == 1, $"{topology.Name} should have consumed the good record from {topic.Name} after the pill; counted {consumedAfterPill}.");
    }

    private static (DeadLetter, Headers) AssertSingle(IEnumerable<(DeadLetter, Headers)> deadLetters, TopicSpec topic, PoisonKind kind)
    {
        var list = deadLetters.ToList();
        Assert.True(list.Count == 1, $"{kind} on {topic.Name}: expected one dead letter from {topic.Name}, got {list.Count}.");
        var (deadLetter, headers) = list[0];
        Assert.Equal((OwnerRole.INTEGRATION_SUPPORT, 0L), (deadLetter.ownerRole, deadLetter.originOffset!.Value));
        Assert.Equal(PoisonKey, Encoding.UTF8.GetString(deadLetter.rawKey));
        return (deadLetter, headers);
    }

    private static FakeTimeProvider Noon() => new(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero));
}
