using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// Writes dead letters out of band, for the paths that cannot write inside a topology: Streamiz exception handlers and
/// connectors. A dead letter counts as handled only once Kafka acknowledged it.
/// </summary>
public interface IDeadLetterPublisher
{
    /// <summary>
    /// Writes <paramref name="deadLetter"/> to <paramref name="topic"/>, keyed by its raw key, with the original headers
    /// plus the <c>__streams.errors.*</c> ones, and waits for the acknowledgement.
    /// </summary>
    /// <exception cref="DeadLetterNotWrittenException">Kafka did not acknowledge it (or it could not be serialized): the failed record is not handled.</exception>
    Task PublishAsync(Topic<string, DeadLetter> topic, DeadLetter deadLetter, Headers? originalHeaders = null, Exception? exception = null, CancellationToken ct = default);

    /// <summary>
    /// As <see cref="PublishAsync"/>, blocking, for callbacks that must answer synchronously (Streamiz handlers).
    /// Returns false, after logging why at Error level, when the dead letter was not acknowledged: the caller must then
    /// not skip the failed record.
    /// </summary>
    bool TryPublish(Topic<string, DeadLetter> topic, DeadLetter deadLetter, Headers? originalHeaders = null, Exception? exception = null);
}
