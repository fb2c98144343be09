using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Connectors.Runtime;

/// <summary>
/// The one ingest mechanism of every connector kind: each <see cref="IngestItem"/> of a batch is produced to its
/// canonical topic (delivery callbacks, no waiting per record) with its <c>ingested</c> and <c>mapped</c> audit events
/// (<see cref="ConnectorAudit"/>, to <c>audit.emitted</c> by the same producer), or dead-lettered to <c>dlq.ingest</c>
/// with its raw bytes, position, profile and reason (the profile's sensitive values masked, see
/// <see cref="Sensitive.SensitiveDeadLetters"/>; audited by the dead-letter publisher); a record Kafka refuses is
/// dead-lettered as <c>PRODUCTION_FAILED</c>. A record counts as acknowledged only once its audit events are too. An
/// <see cref="OffsetTracker"/> lets the source position be committed only over the prefix of acknowledged records, so a
/// crash loses nothing: on restart the batch resumes after the committed line and re-sends the rest with the same
/// idempotency keys. One bad record never stops the batch; only a dead letter or an audit event that cannot be written
/// does (<see cref="AuditNotWrittenException"/>).
/// </summary>
public sealed class IngestPipeline(ConnectorContext context)
{
    /// <summary>Where every connector's dead letters go: <c>dlq.ingest</c>.</summary>
    public static Topic<string, DeadLetter> DeadLetterTopic { get; } = Topics.IngestDeadLetters;

    /// <summary>How long a cancelled batch waits for records in flight before it gives up on them (they are re-sent after restart). Default 10 s.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Most records in flight before reading pauses for acknowledgements. Default 50,000.</summary>
    public int MaxInFlight { get; init; } = 50_000;

    /// <summary>
    /// Level of the log line per dead-lettered record. Default <see cref="LogLevel.Warning"/>, since a real source's bad
    /// record needs a person; the generator uses <see cref="LogLevel.Debug"/>, its invalid records being intentional.
    /// </summary>
    public LogLevel DeadLetterLogLevel { get; init; } = LogLevel.Warning;

    /// <summary>
    /// Level of the line logged per batch (read = produced + dead-lettered). Default <see cref="LogLevel.Information"/>,
    /// one line per file, page or webhook body; the generator, which ingests ten batches a second, uses <see cref="LogLevel.Debug"/>.
    /// </summary>
    public LogLevel BatchLogLevel { get; init; } = LogLevel.Information;

    /// <summary>Ingests <paramref name="batch"/> and returns its accounting once every record read is acknowledged.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled; what was acknowledged by then is committed.</exception>
    /// <exception cref="DeadLetterNotWrittenException">A failed record could not be dead-lettered either; nothing after it is committed.</exception>
    public async Task<IngestResult> IngestAsync(IngestBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var run = new BatchRun(context, batch, DeadLetterLogLevel);
        try
        {
            foreach (var item in batch.Items)
            {
                ct.ThrowIfCancellationRequested();
                if (item.Position.Line <= batch.ResumeAfterLine)
                {
                    run.Skipped++;
                    continue;
                }

                await run.WaitForRoomAsync(MaxInFlight, ct).ConfigureAwait(false);
                await run.SendAsync(item, ct).ConfigureAwait(false);
                if (batch.CommitOffsets && run.SinceCommit >= batch.CommitEveryRecords)
                    await run.CommitProgressAsync(final: false, ct).ConfigureAwait(false);
            }

            await run.DrainAsync(Timeout.InfiniteTimeSpan, ct).ConfigureAwait(false);
            if (batch.CommitOffsets)
                await run.CommitProgressAsync(final: true, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: keep what was acknowledged, so the restart re-sends as little as possible.
            await run.DrainAsync(DrainTimeout, CancellationToken.None).ConfigureAwait(false);
            if (batch.CommitOffsets)
                await run.CommitProgressAsync(final: false, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var result = run.Result();
        context.Logger.Log(BatchLogLevel, "Connector {Connector} ingested {Result}", context.Name, result);
        return result;
    }

    /// <summary>The state of one batch in flight.</summary>
    private sealed class BatchRun(ConnectorContext context, IngestBatch batch, LogLevel deadLetterLogLevel)
    {
        private readonly OffsetTracker tracker = new(batch.ResumeAfterLine);
        private readonly ConcurrentQueue<(ItemAcks Acks, IngestItem Item, DeliveryOutcome Outcome)> refused = new();
        private readonly ConcurrentQueue<(IngestItem Item, DeliveryOutcome Outcome)> unaudited = new();
        private readonly SemaphoreSlim answered = new(0);
        private long produced;
        private long deadLettered;
        private long read;
        private long committedLine = batch.ResumeAfterLine;
        private readonly ConcurrentQueue<(string Reason, string Message)> failures = new();

        public long Skipped { get; set; }

        public long SinceCommit { get; private set; }

        public async Task SendAsync(IngestItem item, CancellationToken ct)
        {
            await DeadLetterRefusedAsync(ct).ConfigureAwait(false);
            var ticket = tracker.Begin(item.Position.Line);
            read++;
            SinceCommit++;
            context.Metrics.Records.WithLabels(context.Name, ConnectorMetrics.Read).Inc();
            if (item.Record is not { } record)
            {
                await DeadLetterAsync(ticket, item, new Failure(item.Failure!.Reason, item.Failure.Message) { MappingProfile = item.Profile }, ct).ConfigureAwait(false);
                return;
            }

            var topic = item.Topic!;
            var audits = ConnectorAudit.Of(item, record);
            // The record, then its audit events: the ticket completes when all of them are acknowledged.
            var acks = new ItemAcks(tracker, ticket, 1 + audits.Count);
            try
            {
                context.Sink.Produce(topic, record, outcome =>
                {
                    if (outcome.IsAcknowledged)
                    {
                        Interlocked.Increment(ref produced);
                        context.Metrics.Records.WithLabels(context.Name, ConnectorMetrics.Produced).Inc();
                        acks.Done();
                    }
                    else
                        refused.Enqueue((acks, item, outcome));

                    answered.Release();
                });
            }
            catch (ArgumentException e)
            {
                // The record does not fit its topic: a defect of the mapper or generator, not of Kafka.
                await DeadLetterAsync(ticket, item, new Failure(ReasonCode.SchemaInvalid, $"{item.Position}: {e.Message}")
                {
                    Exception = e, MappingProfile = item.Profile, IdempotencyKey = EnvelopeAccess.Of(record.Value)?.idempotencyKey,
                }, ct).ConfigureAwait(false);
                return;
            }

            foreach (var fact in audits)
            {
                var audit = context.Audit.Create(fact);
                context.Sink.Produce(Topics.AuditEmitted, new MappedRecord(audit.correlationId, audit), outcome =>
                {
                    if (outcome.IsAcknowledged)
                        acks.Done();
                    else
                        unaudited.Enqueue((item, outcome));
                    answered.Release();
                });
            }
        }

        public async Task WaitForRoomAsync(int maxInFlight, CancellationToken ct)
        {
            while (tracker.InFlight >= maxInFlight)
            {
                await answered.WaitAsync(TimeSpan.FromMilliseconds(100), ct).ConfigureAwait(false);
                await DeadLetterRefusedAsync(ct).ConfigureAwait(false);
            }
        }

        /// <summary>Waits until every record read is acknowledged (or dead-lettered), or <paramref name="timeout"/> passes.</summary>
        public async Task DrainAsync(TimeSpan timeout, CancellationToken ct)
        {
            var deadline = timeout == Timeout.InfiniteTimeSpan ? DateTime.MaxValue : DateTime.UtcNow + timeout;
            while (true)
            {
                await DeadLetterRefusedAsync(ct).ConfigureAwait(false);
                if (tracker.InFlight == 0 || DateTime.UtcNow >= deadline)
                    return;
                context.Sink.Flush(TimeSpan.FromMilliseconds(50));
                await answered.WaitAsync(TimeSpan.FromMilliseconds(50), ct).ConfigureAwait(false);
            }
        }

        public async Task CommitProgressAsync(bool final, CancellationToken ct)
        {
            SinceCommit = 0;
            var line = tracker.CommittableLine;
            var complete = final && tracker.InFlight == 0;
            if (!complete && line == committedLine)
                return;
            var offset = new ConnectorOffset
            {
                connector = context.Name,
                source = batch.Source,
                line = complete && batch.NextCursor is not null ? 0 : line,
                cursor = complete ? batch.NextCursor ?? batch.Cursor : batch.Cursor,
                recordsCommitted = batch.RecordsCommittedBefore + tracker.Acknowledged,
                completed = complete && batch.CompletesSource,
                committedAt = context.Clock.GetUtcNow().UtcDateTime,
            };
            await context.Offsets.CommitAsync(offset, ct).ConfigureAwait(false);
            committedLine = line;
        }

        public IngestResult Result() =>
            new(batch.Source, read, Interlocked.Read(ref produced), Interlocked.Read(ref deadLettered), Skipped, committedLine) { Failures = failures.ToArray() };

        private async Task DeadLetterRefusedAsync(CancellationToken ct)
        {
            if (unaudited.TryDequeue(out var lost))
                throw new AuditNotWrittenException(context.Name, lost.Item.Position.ToString(), lost.Outcome.Error ?? "not acknowledged", lost.Outcome.Exception);
            while (refused.TryDequeue(out var r))
            {
                var key = EnvelopeAccess.Of(r.Item.Record!.Value)?.idempotencyKey;
                await DeadLetterAsync(r.Acks, r.Item, new Failure(ReasonCode.ProductionFailed,
                    $"{r.Item.Position}: Kafka did not store the record for {r.Item.Topic!.Name} (key {r.Item.Record.Key}): {r.Outcome.Error}")
                {
                    Exception = r.Outcome.Exception, MappingProfile = r.Item.Profile, IdempotencyKey = key, CorrelationId = EnvelopeAccess.Of(r.Item.Record.Value)?.correlationId,
                }, ct).ConfigureAwait(false);
            }
        }

        private Task DeadLetterAsync(long ticket, IngestItem item, Failure failure, CancellationToken ct) =>
            DeadLetterAsync(new ItemAcks(tracker, ticket, 1), item, failure, ct);

        private async Task DeadLetterAsync(ItemAcks acks, IngestItem item, Failure failure, CancellationToken ct)
        {
            // Files are located by file and line; API pages and webhooks also by the cursor or event id they came with.
            if (item.Position.Cursor is { } cursor && !failure.Message.Contains(cursor, StringComparison.Ordinal))
                failure = failure with { Message = $"{failure.Message} [cursor {cursor}]" };
            var origin = ConnectorAudit.OriginOf(item);
            var rawKey = item.Record is { } r ? Encoding.UTF8.GetBytes(r.Key) : null;
            var deadLetter = context.DeadLetterFactory.Create(failure, new FailedRecord(origin, rawKey, item.Raw.ToArray()), context.Processor);
            // Masked here, once for every format and reason, before anything about the record leaves the process.
            var headers = context.SensitiveDeadLetters.Mask(deadLetter, item.Sensitive);
            // Its audit event shows the masked dead letter and hashes the bytes as received.
            var audit = DeadLetterAudit.FactOf(deadLetter) with { RawPayload = item.Raw };
            await context.DeadLetters.PublishAsync(DeadLetterTopic, deadLetter, headers, ct: ct, audit: audit).ConfigureAwait(false);
            Interlocked.Increment(ref deadLettered);
            if (failures.Count < 10)
                failures.Enqueue((failure.Reason.Code, deadLetter.message));
            context.Metrics.Records.WithLabels(context.Name, ConnectorMetrics.DeadLettered).Inc();
            context.Logger.Log(deadLetterLogLevel, "Connector {Connector} dead-lettered {Position} ({Reason}): {Message}",
                context.Name, item.Position, failure.Reason.Code, deadLetter.message);
            acks.Done();
        }

    }

    /// <summary>The writes of one item still unacknowledged (its record, or dead letter, and its audit events); the last to finish completes its ticket.</summary>
    private sealed class ItemAcks(OffsetTracker tracker, long ticket, int writes)
    {
        private int remaining = writes;

        public void Done()
        {
            if (Interlocked.Decrement(ref remaining) == 0)
                tracker.Complete(ticket);
        }
    }
}
