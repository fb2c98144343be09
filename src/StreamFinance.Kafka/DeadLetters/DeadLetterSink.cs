using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.Stream;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>The one way a topology writes the dead letters it builds: counted, audited, and sunk to the route's topic.</summary>
public static class DeadLetterSink
{
    /// <summary>
    /// Counts each dead letter in the route's <see cref="DeadLetterMetrics"/>, records it in the audit trail
    /// (<see cref="DeadLetterAudit"/>, in the same transaction) and writes it to the route's topic with the record
    /// context's headers.
    /// </summary>
    /// <remarks>Named processors: <c>&lt;processorName&gt;.count</c>, <c>.audit</c> (with its own <c>.produced-metric</c> and <c>.sink</c>) and <c>.sink</c>.</remarks>
    public static void WriteDeadLetters(this IKStream<string, DeadLetter> deadLetters, string processorName, DeadLetterRoute route)
    {
        ArgumentNullException.ThrowIfNull(deadLetters);
        ArgumentException.ThrowIfNullOrWhiteSpace(processorName);
        ArgumentNullException.ThrowIfNull(route);
        deadLetters
            .Peek((_, deadLetter, _) => route.Metrics.Record(route.Topic.Name, deadLetter), $"{processorName}.count")
            .Audit($"{processorName}.audit", route.Audit, (_, deadLetter, _) => DeadLetterAudit.FactOf(deadLetter))
            .To(route.Topic.Name, new StringSerDes(), route.ValueSerDes, $"{processorName}.sink");
    }
}
