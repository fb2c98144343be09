using Avro.Specific;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Mapping.Outbound;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Connectors.ErpSink;

/// <summary>
/// An ERP sink, the mirror of a source connector: it consumes one <c>erp.*</c> topic in a consumer group (instances
/// with the same group share its partitions), builds each record's ERP call with its outbound profile (the version in
/// force: edits reload without a restart), sends it through the endpoint's resilience (<see cref="ErpEndpoint"/>) with
/// the posting id as idempotency key, and records the answer (<see cref="ErpAnswerRecorder"/>). A partition's offset is
/// committed only past records whose answer Kafka acknowledged. When the ERP is unavailable (retries spent, circuit
/// open, credentials refused) the partition is paused and rewound to the unanswered record for the break duration,
/// never dead-lettered; a crash anywhere before the commit re-sends the record, and the idempotency key keeps the ERP at
/// one document.
/// </summary>
public sealed class ErpSinkConnector : IConnector, IDisposable
{
    private readonly ConnectorContext context;
    private readonly ErpSinkOptions options;
    private readonly OutboundProfile started;
    private readonly Func<OutboundProfile> latest;
    private readonly KafkaOptions kafka;
    private readonly CatalogRecordDecoder decoder;
    private readonly ErpEndpoint endpoint;
    private readonly ErpAnswerRecorder recorder;
    private readonly ErpSinkMetrics metrics;
    private readonly Dictionary<TopicPartition, DateTimeOffset> paused = [];
    private volatile TopicPartition[] assigned = [];
    private OutboundProfile? refused;

    /// <summary>Creates the sink; nothing connects until <see cref="RunAsync"/>.</summary>
    /// <param name="context">Name, sink for confirmations and audit events, dead-letter publisher, clock, logger, health.</param>
    /// <param name="options">Endpoint, credentials, limits.</param>
    /// <param name="profile">The outbound profile at start; its source topic is the topic consumed for the sink's life.</param>
    /// <param name="latest">The profile's version in force (hot reload); default: always <paramref name="profile"/>.</param>
    /// <param name="kafka">Connection of the sink's consumer.</param>
    /// <param name="serDes">Reads the <c>erp.*</c> records.</param>
    /// <param name="http">Calls the ERP.</param>
    /// <param name="metrics">The ERP sinks' series. Default: detached.</param>
    public ErpSinkConnector(
        ConnectorContext context, ErpSinkOptions options, OutboundProfile profile, Func<OutboundProfile>? latest, KafkaOptions kafka, SerDesFactory serDes,
        HttpClient http, ErpSinkMetrics? metrics = null)
    {
        this.context = context ?? throw new ArgumentNullException(nameof(context));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        started = profile ?? throw new ArgumentNullException(nameof(profile));
        this.latest = latest ?? (() => profile);
        this.kafka = kafka ?? throw new ArgumentNullException(nameof(kafka));
        decoder = new CatalogRecordDecoder(serDes, profile.Source);
        this.metrics = metrics ?? ErpSinkMetrics.Detached();
        endpoint = new ErpEndpoint(context.Name, options, http, this.metrics, context.Health, context.Clock);
        recorder = new ErpAnswerRecorder(context, this.metrics);
        this.metrics.PausedPartitions.WithLabels(context.Name).Set(0);
    }

    /// <inheritdoc />
    public string Name => context.Name;

    /// <inheritdoc />
    public ConnectorHealth Health => context.Health;

    /// <summary>The ERP instance named in confirmations.</summary>
    public string TargetSystem => string.IsNullOrWhiteSpace(options.TargetSystem) ? started.TargetSystem : options.TargetSystem;

    /// <summary>The partitions this instance owns in its consumer group now.</summary>
    public IReadOnlyList<TopicPartition> AssignedPartitions => assigned;

    /// <summary>The endpoint, for its circuit state.</summary>
    public ErpEndpoint Endpoint => endpoint;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken ct)
    {
        // The loop blocks in Consume between batches: never on the caller's thread.
        await Task.Yield();
        var config = kafka.ApplyTo(new ConsumerConfig(), $"erp-sink-{context.Name}");
        config.GroupId = options.EffectiveConsumerGroup(context.Name);
        config.EnableAutoCommit = false;
        config.EnableAutoOffsetStore = false;
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        config.SessionTimeoutMs = options.SessionTimeoutMs;
        config.HeartbeatIntervalMs = Math.Max(100, options.SessionTimeoutMs / 5);
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config)
            .SetPartitionsAssignedHandler((_, added) => assigned = [.. assigned.Union(added)])
            .SetPartitionsRevokedHandler((_, revoked) => Forget(revoked.Select(p => p.TopicPartition)))
            .SetPartitionsLostHandler((_, lost) => Forget(lost.Select(p => p.TopicPartition)))
            .Build();
        consumer.Subscribe(started.Source.Name);
        context.Health.Started();
        context.Logger.LogInformation("ERP sink {Connector} consumes {Topic} in group {Group} and posts to {TargetSystem} with profile {Profile}",
            Name, started.Source.Name, config.GroupId, TargetSystem, started.ProfileId);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                ResumeDue(consumer);
                var batch = Take(consumer, ct);
                if (batch.Count > 0)
                    await ProcessAsync(consumer, batch, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            context.Health.Stopped();
            consumer.Close();
        }
    }

    /// <inheritdoc />
    public void Dispose() => endpoint.Dispose();

    private List<ConsumeResult<byte[], byte[]>> Take(IConsumer<byte[], byte[]> consumer, CancellationToken ct)
    {
        var batch = new List<ConsumeResult<byte[], byte[]>>();
        var wait = TimeSpan.FromMilliseconds(200);
        while (batch.Count < options.MaxBatch && !ct.IsCancellationRequested)
        {
            var record = consumer.Consume(wait);
            if (record is null || record.IsPartitionEOF)
                break;
            batch.Add(record);
            wait = TimeSpan.Zero;
        }
        return batch;
    }

    private async Task ProcessAsync(IConsumer<byte[], byte[]> consumer, List<ConsumeResult<byte[], byte[]>> batch, CancellationToken ct)
    {
        // Partitions run side by side (the endpoint limits the calls in flight); each partition's records in order.
        var outcomes = await Task.WhenAll(batch.GroupBy(r => r.TopicPartition).Select(p => ProcessPartitionAsync(p.Key, p.ToList(), ct))).ConfigureAwait(false);
        var commits = outcomes.Where(o => o.Commit is not null).Select(o => new TopicPartitionOffset(o.Partition, o.Commit!.Value)).ToList();
        if (commits.Count > 0)
        {
            try
            {
                consumer.Commit(commits);
            }
            catch (KafkaException e)
            {
                // The answers are recorded; a partition that moved re-sends them, and the ERP answers with the same documents.
                context.Logger.LogWarning("ERP sink {Connector} could not commit {Offsets}: {Error}; the new owner re-sends these postings (idempotent)",
                    Name, string.Join(", ", commits), e.Error.Reason);
            }
        }
        foreach (var stopped in outcomes.Where(o => o.StoppedAt is not null))
        {
            consumer.Pause([stopped.Partition]);
            consumer.Seek(new TopicPartitionOffset(stopped.Partition, stopped.StoppedAt!.Value));
            paused[stopped.Partition] = context.Clock.GetUtcNow() + endpoint.PauseAfterOutage;
            context.Health.Failed(stopped.Problem!);
            context.Logger.LogWarning("ERP sink {Connector} paused {Partition} at offset {Offset} for {Pause}: {Problem}",
                Name, stopped.Partition, stopped.StoppedAt, endpoint.PauseAfterOutage, stopped.Problem);
        }
        metrics.PausedPartitions.WithLabels(context.Name).Set(paused.Count);
    }

    private async Task<PartitionOutcome> ProcessPartitionAsync(TopicPartition partition, List<ConsumeResult<byte[], byte[]>> records, CancellationToken ct)
    {
        long? commit = null;
        foreach (var record in records)
        {
            string? problem;
            try
            {
                problem = await HandleAsync(record, ct).ConfigureAwait(false);
            }
            catch (AnswerNotRecordedException e)
            {
                problem = e.Message;
            }
            if (problem is not null)
                return new PartitionOutcome(partition, commit, record.Offset.Value, problem);
            commit = record.Offset.Value + 1;
        }
        return new PartitionOutcome(partition, commit, null, null);
    }

    /// <summary>
    /// Sends one record and records the answer; returns why the ERP is unavailable, or null when the record is done. A
    /// done record counts in <c>streamfinance_connector_records_total</c> as read, and as produced (POSTED) or
    /// dead_lettered (rejected, unreadable or unmappable), so read = produced + dead_lettered as for the sources.
    /// </summary>
    private async Task<string?> HandleAsync(ConsumeResult<byte[], byte[]> received, CancellationToken ct)
    {
        var (outcome, problem) = await SendAsync(received, ct).ConfigureAwait(false);
        if (outcome is null)
            return problem;
        context.Metrics.Records.WithLabels(Name, ConnectorMetrics.Read).Inc();
        context.Metrics.Records.WithLabels(Name, outcome).Inc();
        return null;
    }

    /// <summary>The record's outcome label (<see cref="ConnectorMetrics.Produced"/> or <see cref="ConnectorMetrics.DeadLettered"/>), or why the ERP is unavailable.</summary>
    private async Task<(string? Outcome, string? Problem)> SendAsync(ConsumeResult<byte[], byte[]> received, CancellationToken ct)
    {
        if (received.Message.Value is null)
        {
            await recorder.DeadLetterAsync(received, new Failure(ReasonCode.DeserializationFailed,
                $"{received.TopicPartitionOffset}: a tombstone (null value) on {received.Topic} holds no posting to send. {ReasonCode.DeserializationFailed.Remedy}"), ct).ConfigureAwait(false);
            return (ConnectorMetrics.DeadLettered, null);
        }
        ISpecificRecord record;
        try
        {
            record = decoder.Decode(received.Message.Value, received.Message.Headers);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await recorder.DeadLetterAsync(received, new Failure(ReasonCode.DeserializationFailed,
                $"{received.TopicPartitionOffset}: the value is not a {decoder.Topic.ValueType.Name} ({e.Message}). {ReasonCode.DeserializationFailed.Remedy}") { Exception = e }, ct).ConfigureAwait(false);
            return (ConnectorMetrics.DeadLettered, null);
        }
        var profile = Current();
        var mapping = profile.Build(record);
        if (mapping.Failure is { } failure)
        {
            await recorder.DeadLetterAsync(received, new Failure(failure.Reason, $"{received.TopicPartitionOffset}: {failure.Message}. {failure.Reason.Remedy}")
            {
                MappingProfile = profile.ProfileId,
                IdempotencyKey = EnvelopeAccess.Of(record)?.idempotencyKey,
            }, ct).ConfigureAwait(false);
            return (ConnectorMetrics.DeadLettered, null);
        }
        var request = mapping.Request!;
        var answer = await endpoint.SendAsync(request, ct).ConfigureAwait(false);
        if (answer.Kind == ErpCallKind.Unavailable)
            return (null, answer.Problem);
        var confirmation = await recorder.RecordAsync(received, record, profile, TargetSystem, request, answer, ct).ConfigureAwait(false);
        context.Health.Succeeded();
        if (confirmation.status == PostingStatus.POSTED)
            context.Logger.LogInformation("ERP sink {Connector}: {TargetSystem} posted {PostingId} as document {Document} (fiscal year {FiscalYear})",
                Name, TargetSystem, confirmation.postingId, confirmation.erpDocumentNumber, confirmation.fiscalYear);
        else
            context.Logger.LogWarning("ERP sink {Connector}: {TargetSystem} rejected {PostingId}: {Messages}; dead-lettered to {Topic}",
                Name, TargetSystem, confirmation.postingId, string.Join("; ", confirmation.messages), ErpAnswerRecorder.DeadLetterTopic.Name);
        return (confirmation.status == PostingStatus.POSTED ? ConnectorMetrics.Produced : ConnectorMetrics.DeadLettered, null);
    }

    private OutboundProfile Current()
    {
        var profile = latest();
        if (profile.Source.Name == started.Source.Name)
            return profile;
        if (!ReferenceEquals(Interlocked.Exchange(ref refused, profile), profile))
            context.Logger.LogError("Outbound profile {Profile} was reloaded with source {Source}, but sink {Connector} consumes {Started}; the previous version stays in force. Restart to change the topic.",
                profile.ProfileId, profile.Source.Name, Name, started.Source.Name);
        return started;
    }

    private void ResumeDue(IConsumer<byte[], byte[]> consumer)
    {
        if (paused.Count == 0)
            return;
        var now = context.Clock.GetUtcNow();
        var due = paused.Where(p => p.Value <= now).Select(p => p.Key).ToList();
        if (due.Count == 0)
            return;
        consumer.Resume(due);
        Unpause(due);
        context.Logger.LogInformation("ERP sink {Connector} resumed {Partitions}", Name, string.Join(", ", due));
    }

    private void Forget(IEnumerable<TopicPartition> partitions)
    {
        var gone = partitions.ToList();
        assigned = [.. assigned.Except(gone)];
        Unpause(gone);
    }

    private void Unpause(IEnumerable<TopicPartition> partitions)
    {
        foreach (var partition in partitions)
            paused.Remove(partition);
        metrics.PausedPartitions.WithLabels(context.Name).Set(paused.Count);
    }

    private sealed record PartitionOutcome(TopicPartition Partition, long? Commit, long? StoppedAt, string? Problem);
}
