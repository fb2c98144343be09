using System.Text;
using Avro.Specific;
using Confluent.Kafka;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Mapping.Outbound;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Connectors.ErpSink;

/// <summary>
/// Records each ERP answer before the sink commits past it: a <see cref="PostingConfirmation"/> on
/// <c>erp.posting-confirmations</c> (POSTED with the ERP's document number and fiscal year, or REJECTED with the ERP's
/// messages) with its audit event (<c>confirmed</c> or <c>rejected</c>) on <c>audit.emitted</c>; a rejection also as a
/// dead letter on <c>dlq.erp</c> (integration support) with the ERP's messages, the payload sent and the original record's
/// bytes for replay. Records a sink cannot read or map go to the same dead-letter topic. Each method returns once Kafka
/// acknowledged everything it wrote, and throws <see cref="AnswerNotRecordedException"/> otherwise.
/// </summary>
public sealed class ErpAnswerRecorder(ConnectorContext context, ErpSinkMetrics metrics)
{
    /// <summary>Where ERP rejections and unreadable or unmappable <c>erp.*</c> records go.</summary>
    public static Topic<string, DeadLetter> DeadLetterTopic => Topics.ErpDeadLetters;

    /// <summary>Header of an ERP dead letter holding the JSON body sent.</summary>
    public const string RequestBodyHeader = "streamfinance.erp-request-body";

    /// <summary>Header of an ERP dead letter holding the call, e.g. <c>PUT services/rest/record/v1/journalEntry/eid:JE-1</c>.</summary>
    public const string RequestHeader = "streamfinance.erp-request";

    /// <summary>Header of an ERP dead letter holding the ERP's HTTP status.</summary>
    public const string StatusHeader = "streamfinance.erp-status";

    /// <summary>Writes the confirmation of <paramref name="answer"/> (and, for a rejection, its dead letter); returns the confirmation.</summary>
    /// <exception cref="AnswerNotRecordedException">Kafka did not acknowledge the confirmation, its audit event or the dead letter.</exception>
    public async Task<PostingConfirmation> RecordAsync(
        ConsumeResult<byte[], byte[]> received, ISpecificRecord record, OutboundProfile profile, string targetSystem, ErpRequest request, ErpCallResult answer,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Kind == ErpCallKind.Unavailable)
            throw new ArgumentException("An unavailable ERP gave no answer to record.", nameof(answer));
        var posted = answer.Kind == ErpCallKind.Posted;
        var facts = ErpPostingFacts.Of(record, request.PostingId);
        var (number, year) = posted ? profile.DocumentOf(record, answer.Body, answer.Header) : (null, null);
        var messages = posted ? [] : profile.MessagesOf(answer.Body);
        if (posted && number is null)
            messages = [$"The ERP answered {answer.StatusCode} but its answer holds no document number at {profile.DocumentNumberSource}; check the outbound profile {profile.ProfileId}."];
        var now = context.Clock.GetUtcNow().UtcDateTime;
        var status = posted ? PostingStatus.POSTED : PostingStatus.REJECTED;
        var confirmation = new PostingConfirmation
        {
            envelope = new Envelope
            {
                eventId = DeterministicUuid.From($"erp-confirmation/{targetSystem}/{request.PostingId}/{status}/{number}/{string.Join("|", messages)}"),
                correlationId = facts.CorrelationId,
                sourceSystem = targetSystem,
                sourceId = number ?? request.PostingId,
                eventTime = now,
                ingestTime = now,
                idempotencyKey = $"{targetSystem}/{request.PostingId}/{status}/{number}",
                mappingProfile = profile.ProfileId,
            },
            postingId = request.PostingId,
            targetSystem = targetSystem,
            status = status,
            erpDocumentNumber = number,
            fiscalYear = year,
            messages = messages.ToList(),
            postedAt = now,
            sourceTopic = received.Topic,
            legalEntityId = facts.LegalEntityId,
            amount = facts.Amount,
            businessDate = facts.BusinessDate,
        };
        var origin = DeadLetterOrigin.FromTopic(received.Topic, received.Partition.Value, received.Offset.Value);
        var fact = new AuditFact(posted ? AuditSteps.Confirmed : AuditSteps.Rejected, posted ? AuditOutcome.SUCCEEDED : AuditOutcome.REJECTED, facts.CorrelationId, request.PostingId)
        {
            Origin = origin,
            Payload = confirmation,
            Reason = posted ? null : ReasonCode.ErpRejected.Code,
            RelatedIds = number is null ? [] : [number],
            Detail = new Dictionary<string, string>
            {
                ["targetSystem"] = targetSystem, ["profile"] = profile.ProfileId, ["httpStatus"] = $"{answer.StatusCode}", ["request"] = $"{request.Method} {request.Path}",
            },
        };
        var audit = context.Audit.Create(fact);
        await Task.WhenAll(
            ProduceAsync(Topics.PostingConfirmations, new MappedRecord(request.PostingId, confirmation), request.PostingId),
            ProduceAsync(Topics.AuditEmitted, new MappedRecord(audit.correlationId, audit), request.PostingId)).ConfigureAwait(false);
        if (!posted)
            await DeadLetterAsync(received, new Failure(ReasonCode.ErpRejected,
                $"{targetSystem} rejected posting {request.PostingId} ({profile.ProfileId}, HTTP {answer.StatusCode}): {string.Join("; ", messages)}. {ReasonCode.ErpRejected.Remedy}")
            {
                Exception = new ErpRejectedException(request.Method, request.Path, answer.StatusCode ?? 0, request.BodyText, answer.Body),
                CorrelationId = facts.CorrelationId,
                IdempotencyKey = request.IdempotencyKey,
                MappingProfile = profile.ProfileId,
            }, ct, (RequestHeader, $"{request.Method} {request.Path}"), (RequestBodyHeader, request.BodyText), (StatusHeader, $"{answer.StatusCode}")).ConfigureAwait(false);
        metrics.Confirmations.WithLabels(context.Name, status.ToString()).Inc();
        return confirmation;
    }

    /// <summary>Dead-letters <paramref name="received"/> to <see cref="DeadLetterTopic"/> because of <paramref name="failure"/>, with extra headers.</summary>
    /// <exception cref="AnswerNotRecordedException">Kafka did not acknowledge the dead letter.</exception>
    public async Task DeadLetterAsync(ConsumeResult<byte[], byte[]> received, Failure failure, CancellationToken ct, params (string Name, string Value)[] headers)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(failure);
        var deadLetter = context.DeadLetterFactory.Create(failure, FailedRecord.From(received), context.Processor);
        // The original headers plus the call's; the publisher adds the __streams.errors.* ones.
        var written = new Headers();
        foreach (var header in received.Message.Headers ?? [])
            written.Add(header.Key, header.GetValueBytes());
        foreach (var (name, value) in headers)
            written.Add(name, Encoding.UTF8.GetBytes(value));
        try
        {
            await context.DeadLetters.PublishAsync(DeadLetterTopic, deadLetter, written, failure.Exception, ct).ConfigureAwait(false);
        }
        catch (DeadLetterNotWrittenException e)
        {
            throw new AnswerNotRecordedException(context.Name, $"{received.Topic}[{received.Partition.Value}]@{received.Offset.Value}", e.Message, e);
        }
    }

    private Task ProduceAsync(TopicSpec topic, MappedRecord record, string postingId)
    {
        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        context.Sink.Produce(topic, record, outcome =>
        {
            if (outcome.IsAcknowledged)
                acknowledged.TrySetResult();
            else
                acknowledged.TrySetException(new AnswerNotRecordedException(context.Name, postingId, $"{topic.Name}: {outcome.Error}", outcome.Exception));
        });
        return acknowledged.Task;
    }
}
