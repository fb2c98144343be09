using System.Collections.Concurrent;
using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Connectors.Tests.Support;

/// <summary>A dead-letter publisher double that keeps what it was given, with the headers it was to be published with.</summary>
public sealed class RecordingDeadLetters : IDeadLetterPublisher
{
    public ConcurrentQueue<(string Topic, DeadLetter DeadLetter, Headers? Headers, Exception? Exception)> Published { get; } = new();

    public Task PublishAsync(Topic<string, DeadLetter> topic, DeadLetter deadLetter, Headers? originalHeaders = null, Exception? exception = null, CancellationToken ct = default)
    {
        Published.Enqueue((topic.Name, deadLetter, originalHeaders, exception));
        return Task.CompletedTask;
    }

    public bool TryPublish(Topic<string, DeadLetter> topic, DeadLetter deadLetter, Headers? originalHeaders = null, Exception? exception = null)
    {
        Published.Enqueue((topic.Name, deadLetter, originalHeaders, exception));
        return true;
    }
}
