using System.Text;
using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Connectors.Sensitive;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Reading;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Host.DeadLetters;

/// <summary>
/// Re-submits dead letters once their cause is fixed: reads a dead-letter topic (every partition, from the beginning or
/// from <see cref="ReplayRequest.Since"/>, up to the end it had when the run began, so re-failures of this run are not
/// read again), filters by reason and time, and re-produces each match's raw key and value to its origin topic with its
/// original headers and a replay header (<see cref="ReplayHeaders"/>). Idempotent producer, acks=all. Replaying is
/// safe to repeat: the topologies drop a replay of a record that was already processed successfully. A dead letter
/// whose sensitive values a connector masked is replayed with its original (<see cref="ReplayValue"/>) only when its
/// connector's secret is in <paramref name="ciphers"/>; otherwise it is counted as not replayable. Each replay is recorded
/// in the audit trail by the same producer (<c>replayed</c>, component <c>dlq-replay</c>, to <c>audit.emitted</c>), so a
/// trace shows the failed attempt, the replay and what the topology decided the next time.
/// </summary>
public sealed class DeadLetterReplayer(KafkaOptions kafka, SerDesFactory serDes, IReadOnlyDictionary<string, SensitiveOriginalCipher>? ciphers = null)
{
    /// <summary>Runs <paramref name="request"/>; <paramref name="matched"/> is told of each match (for listing).</summary>
    public async Task<ReplayReport> ReplayAsync(ReplayRequest request, Action<DeadLetter>? matched, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var matches = await Task.Run(() => Read(request, ct), ct);
        var (read, selected) = matches;
        var replayable = selected
            .Select(m => (m.Letter, m.Headers, Value: m.Letter.originTopic is null || m.Letter.originTopic == Topics.AuditEvents.Name
                ? null // only the audit chainer appends to audit.events
                : ReplayValue.Of(m.Letter, m.Headers, ciphers ?? new Dictionary<string, SensitiveOriginalCipher>())))
            .Where(m => m.Value is not null)
            .ToList();
        foreach (var (letter, _) in selected)
            matched?.Invoke(letter);
        if (request.DryRun || replayable.Count == 0)
            return new ReplayReport(read, selected.Count, 0, selected.Count - replayable.Count);

        var config = kafka.ApplyTo(new ProducerConfig(), "dlq-replay");
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        using var producer = new ProducerBuilder<byte[]?, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        var audits = new AuditEventFactory(Component);
        var auditSerDes = serDes.Avro<AuditEvent>();
        foreach (var (letter, headers, value) in replayable)
        {
            var message = new Message<byte[]?, byte[]> { Key = letter.rawKey, Value = value!, Headers = ReplayHeaders.For(letter, headers) };
            var audit = audits.Create(Replayed(letter, value!));
            var auditMessage = new Message<byte[]?, byte[]>
            {
                Key = Encoding.UTF8.GetBytes(audit.correlationId),
                Value = auditSerDes.Serialize(audit, new SerializationContext(MessageComponentType.Value, Topics.AuditEmitted.Name)),
            };
            try
            {
                var replayed = producer.ProduceAsync(letter.originTopic, message, ct);
                var audited = producer.ProduceAsync(AuditPartitioning.In(Topics.AuditEmitted.Name, Topics.AuditEmitted.Partitions, audit.correlationId), auditMessage, ct);
                await replayed;
                await audited;
            }
            catch (ProduceException<byte[]?, byte[]> e)
            {
                throw new InvalidOperationException(
                    $"Replaying the dead letter of {DeadLetterOrigin.Of(letter)} to {letter.originTopic} failed: {e.Error.Reason}. Earlier matches were replayed; run the command again (replays are idempotent).", e);
            }
        }
        return new ReplayReport(read, selected.Count, replayable.Count, selected.Count - replayable.Count);
    }

    /// <summary>The component name of replays in the audit trail.</summary>
    public const string Component = "dlq-replay";

    /// <summary>
    /// The <c>replayed</c> fact of <paramref name="letter"/>: origin the failed record's, attempt the next one, the bytes
    /// replayed hashed. Replaying the same dead letter again repeats the same event id.
    /// </summary>
    public static AuditFact Replayed(DeadLetter letter, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var fact = DeadLetterAudit.FactOf(letter);
        return fact with
        {
            Step = AuditSteps.Replayed,
            Outcome = AuditOutcome.SUCCEEDED,
            Reason = $"replayed to {letter.originTopic} after {letter.reasonCode}",
            Attempt = Math.Max(1, letter.attemptCount) + 1,
            Payload = null,
            RawPayload = value,
        };
    }

    private (int Read, List<(DeadLetter Letter, Headers? Headers)> Matches) Read(ReplayRequest request, CancellationToken ct)
    {
        var topic = request.Topic.Name;
        var avro = serDes.Avro<DeadLetter>();
        var config = TopicToEnd.Settings(kafka.ApplyTo(new ConsumerConfig(), "dlq-replay"), $"{kafka.ClientIdPrefix}-dlq-replay");
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();

        var partitions = Enumerable.Range(0, request.Topic.Partitions).Select(p => new TopicPartition(topic, p)).ToList();
        var fromTime = request.Since is { } since
            ? consumer.OffsetsForTimes(partitions.Select(p => new TopicPartitionTimestamp(p, new Timestamp(since))), TimeSpan.FromSeconds(10)).ToDictionary(o => o.Partition.Value, o => o.Offset)
            : null;
        // A partition with nothing since the time asked for is read whole: failedAt, not the record time, decides.
        var starts = partitions
            .Select(p => new TopicPartitionOffset(p, fromTime is not null && fromTime.TryGetValue(p.Partition.Value, out var offset) && offset != Offset.End ? offset : Offset.Beginning))
            .ToList();
        var matches = new List<(DeadLetter, Headers?)>();
        var read = 0;
        foreach (var result in TopicToEnd.Read(consumer, starts, Timeout.InfiniteTimeSpan, ct))
        {
            if (result.Message.Value is null)
                continue;
            read++;
            var letter = avro.Deserialize(result.Message.Value, new SerializationContext(MessageComponentType.Value, topic, result.Message.Headers));
            if (request.Reason is { } reason && letter.reasonCode != reason.Code)
                continue;
            if (request.Since is { } from && new DateTimeOffset(DateTime.SpecifyKind(letter.failedAt, DateTimeKind.Utc)) < from)
                continue;
            matches.Add((letter, result.Message.Headers));
        }
        return (read, matches);
    }
}
