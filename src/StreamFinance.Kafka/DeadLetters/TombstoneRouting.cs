using System.Text;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.Stream;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// Tombstones (records without a value) on topics of events. Kafka accepts a null value on any topic, but only a
/// compacted table topic gives it a meaning; on an event topic no processor can do anything with it, and one that reads
/// the value would throw and stop its topology for good. Every source of an event topic, and every repartition topic,
/// therefore starts with <see cref="DeadLetterTombstones{T}"/>, the one place where a missing value is handled.
/// </summary>
public static class TombstoneRouting
{
    /// <summary>
    /// Passes records with a value on unchanged; a tombstone becomes a <see cref="ReasonCode.SchemaInvalid"/> dead letter
    /// (owner integration support: a producer broke the topic's contract) written to <paramref name="route"/>'s topic
    /// with the raw key, no raw value, the origin (topic, partition, offset) and the record's headers plus
    /// <c>__streams.errors.*</c>, counted in the route's <see cref="DeadLetterMetrics"/>. Its message names the topic and key, says
    /// that the topic takes no tombstones, and ends with <paramref name="instead"/>.
    /// </summary>
    /// <remarks>
    /// Named processors: <c>&lt;processorName&gt;</c> (the branch; Streamiz names its two outlets
    /// <c>&lt;processorName&gt;predicate-0</c> and <c>-1</c>), <c>.dead-letters</c>, <see cref="DeadLetterSink"/>'s
    /// (counted and audited), each suffixed to <paramref name="processorName"/>. A record with a value costs one
    /// branch and one pass-through.
    /// </remarks>
    /// <param name="stream">Records straight from a source (after its consumed metric) or a repartition.</param>
    /// <param name="processorName">Name of the step, for example <c>expense.expenses-tombstones</c>; written into each dead letter's <c>processor</c>.</param>
    /// <param name="route">Where dead letters go: <c>context.DeadLettersTo(this)</c>.</param>
    /// <param name="instead">What the producer should send instead, or do, for a person; one or more sentences.</param>
    public static IKStream<string, T> DeadLetterTombstones<T>(this IKStream<string, T> stream, string processorName, DeadLetterRoute route, string instead)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(processorName);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentException.ThrowIfNullOrWhiteSpace(instead);

        var branches = stream.Branch(processorName, (_, value, _) => value is not null, (_, _, _) => true);
        branches[1]
            .MapValues((key, _, context) =>
            {
                var origin = context.Topic is null ? DeadLetterOrigin.Unknown : DeadLetterOrigin.FromTopic(context.Topic, context.Partition, context.Offset);
                var topic = context.Topic ?? "the topic";
                var failure = new Failure(ReasonCode.SchemaInvalid,
                    $"{topic} record with key '{key}' has no value (a tombstone); {topic} takes no tombstones. {instead}");
                var record = new FailedRecord(origin, key is null ? null : Encoding.UTF8.GetBytes(key), null, context.Headers);
                var deadLetter = route.Factory.Create(failure, record, processorName);
                // The sink writes the record context's headers: the original ones plus the error headers.
                context.SetHeaders(DeadLetterHeaders.For(deadLetter, context.Headers));
                return deadLetter;
            }, $"{processorName}.dead-letters")
            .WriteDeadLetters($"{processorName}.dead-letters", route);
        return branches[0];
    }
}
