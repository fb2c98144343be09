using System.Collections.Concurrent;
using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.TestSupport.DeadLetters;

/// <summary>
/// A dead-letter publisher double: keeps what it was asked to publish, with the headers and exception it was to be
/// published with, and acknowledges unless told not to. Safe to call from several threads (connectors publish from theirs).
/// </summary>
public sealed class RecordingDeadLetterPublisher : IDeadLetterPublisher
{
    /// <summary>What was published, in order: topic name, dead letter, original headers, exception.</summary>
    public ConcurrentQueue<(string Topic, DeadLetter DeadLetter, Headers? Headers, Exception? Exception)> Published { get; } = new();

    /// <summary>The audit event each published dead letter was to be recorded with, in order (as <c>DeadLetterPublisher</c> builds it).</summary>
    public ConcurrentQueue<AuditEvent> Audited { get; } = new();

    /// <summary>Whether publishing succeeds; when false nothing is recorded and the publish fails. Default true.</summary>
    public bool Acknowledge { get; set; } = true;

    /// <inheritdoc />
    public Task PublishAsync(Topic<string, DeadLetter> topic, DeadLetter deadLetter, Headers? originalHeaders = null, Exception? exception = null, CancellationToken ct = default, AuditFact? audit = null) =>
        Record(topic, deadLetter, originalHeaders, exception, audit)
            ? Task.CompletedTask
            : Task.FromException(new DeadLetterNotWrittenException(topic.Name, deadLetter, "the recording publisher was told not to acknowledge"));

    /// <inheritdoc />
    public bool TryPublish(Topic<string, DeadLetter> topic, DeadLetter deadLetter, Headers? originalHeaders = null, Exception? exception = null) =>
        Record(topic, deadLetter, originalHeaders, exception, null);

    private bool Record(Topic<string, DeadLetter> topic, DeadLetter deadLetter, Headers? originalHeaders, Exception? exception, AuditFact? audit)
    {
        if (!Acknowledge)
            return false;

        Published.Enqueue((topic.Name, deadLetter, originalHeaders, exception));
        Audited.Enqueue(new AuditEventFactory(deadLetter.processor).Create(audit ?? DeadLetterAudit.FactOf(deadLetter), deadLetter.failedAt));
        return true;
    }
}
