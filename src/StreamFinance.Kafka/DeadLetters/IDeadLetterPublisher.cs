using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// Writes dead letters out of band, for the paths that cannot write inside a topology: Streamiz exception handlers and
/// connectors. Each dead letter is recorded in the audit trail by the same writer (its <c>dead-lettered</c> event to
/// <c>audit.emitted</c>, <see cref="DeadLetterAudit"/>), and counts as handled only once Kafka acknowledged both.
/// </summary>
public interface IDeadLetterPublisher
{
    /// <summary>
    /// Writes <paramref name="deadLetter"/> to <paramref name="topic"/>, keyed by its raw key, with the original headers
    /// plus the <c>__streams.errors.*</c> ones, and waits for the acknowledgement.
    /// </summary>
    /// <exception cref="DeadLetterNotWrittenException">Kafka did not acknowledge it (or it could not be serialized): the failed record is not handled.</exception>
    /// <param name="topic">The dead-letter topic.</param>
    /// <param name="deadLetter">The dead letter.</param>
    /// <param name="originalHeaders">The failed record's headers.</param>
    /// <param name="exception">The exception behind it, for the error headers.</param>
    /// <param name="ct">Stops waiting.</param>
    /// <param name="audit">The audit fact to record; default <see cref="DeadLetterAudit.FactOf"/> of the dead letter (give one when the unmasked bytes are known only to the caller).</param>
    Task PublishAsync(Topic<string, DeadLetter> topic, DeadLetter deadLetter, Headers? originalHeaders = null, Exception? exception = null, CancellationToken ct = default, Audit.AuditFact? audit = null);

    /// <summary>
    /// As <see cref="PublishAsync"/>, blocking, for callbacks that must answer synchronously (Streamiz handlers).
    /// Returns false, after logging why at Error level, when the dead letter was not acknowledged: the caller must then
    /// not skip the failed record.
    /// </summary>
    bool TryPublish(Topic<string, DeadLetter> topic, DeadLetter deadLetter, Headers? originalHeaders = null, Exception? exception = null);
}
