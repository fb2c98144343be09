using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Topologies.Tests.DeadLetters;

/// <summary>Records what it was asked to publish; acknowledges unless told not to.</summary>
internal sealed class FakeDeadLetterPublisher : IDeadLetterPublisher
{
    public List<(string Topic, DeadLetter DeadLetter, Headers? Headers, Exception? Exception)> Published { get; } = [];

    public bool Acknowledge { get; set; } = true;

    public Task PublishAsync(Topic<string, DeadLetter> topic, DeadLetter deadLetter, Headers? originalHeaders = null, Exception? exception = null, CancellationToken ct = default) =>
        TryPublish(topic, deadLetter, originalHeaders, exception)
            ? Task.CompletedTask
            : Task.FromException(new DeadLetterNotWrittenException(topic.Name, deadLetter, "the fake publisher was told not to acknowledge"));

    public bool TryPublish(Topic<string, DeadLetter> topic, DeadLetter deadLetter, Headers? originalHeaders = null, Exception? exception = null)
    {
        if (!Acknowledge)
        {
            return false;
        }

        Published.Add((topic.Name, deadLetter, originalHeaders, exception));
        return true;
    }
}
