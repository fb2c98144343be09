using System.Text;
using Confluent.Kafka;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.Stream;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// In-topology dead-letter routing: a step that returns a <see cref="ProcessingOutcome{T}"/> sends its failures to the
/// dead-letter topic inside the topology, so under exactly-once the dead letter commits in the same transaction as the
/// record's other outputs and its offset.
/// </summary>
public static class DeadLetterRouting
{
    /// <summary>
    /// Applies <paramref name="step"/> to every record. Values continue on the returned stream; failures, and exceptions
    /// the step throws (as <see cref="ReasonCode.ProcessingFailed"/>), become dead letters written to
    /// <paramref name="route"/>'s topic with the original key, the record's headers plus <c>__streams.errors.*</c>, and
    /// are counted in the route's <see cref="DeadLetterMetrics"/>.
    /// </summary>
    /// <remarks>
    /// <para>Named processors (never generated names): <c>&lt;processorName&gt;</c> (the step),
    /// <c>.outcome</c> (the branch), <c>.dead-letters</c> with <see cref="DeadLetterSink"/>'s (counted and audited), and
    /// <c>.ok</c>, each suffixed to <paramref name="processorName"/>.</para>
    /// <para>Raw bytes: Streamiz does not keep a record's original bytes after deserialization, so the dead letter's
    /// <c>rawKey</c> is the key re-encoded as UTF-8 (identical for StreamFinance's string keys) and <c>rawValue</c> is the
    /// value re-serialized with <paramref name="valueSerDes"/> for the record's topic. For Avro that is the same record
    /// and schema id, but not necessarily the same bytes when the writer used another schema version. The origin
    /// (topic, partition, offset) and headers come from the record context; after a repartition the origin is the
    /// repartition topic. Exceptions of Streamiz itself (for example a closed store during a rebalance) are not
    /// record failures and are rethrown.</para>
    /// <para>C# cannot infer <typeparamref name="TOut"/> from a lambda whose branches return a value and a
    /// <see cref="Failure"/>: pass a method group (<c>ProcessingOutcome&lt;Expense&gt; Validate(string key, Expense e)</c>)
    /// or give the lambda its return type (<c>ProcessingOutcome&lt;Expense&gt; (key, e) =&gt; ...</c>).</para>
    /// </remarks>
    /// <param name="stream">Records keyed by business key.</param>
    /// <param name="processorName">Name of the step, for example <c>expense.validate</c>; written into each dead letter's <c>processor</c>.</param>
    /// <param name="valueSerDes">The SerDes the values were read with, to keep their bytes in the dead letter.</param>
    /// <param name="route">Where dead letters go: <c>context.DeadLettersTo(this)</c>.</param>
    /// <param name="step">The processing: return the value that continues, or a <see cref="Failure"/>.</param>
    /// <param name="receivedAs">
    /// The record as it was received, when the value knows it better than the record context: a value released from a
    /// hold is forwarded by a punctuator, whose context has no topic, offset or headers of the record. When it returns
    /// a record, its origin, bytes and headers go into the dead letter (nothing is re-serialized). Default: none, the
    /// record context and <paramref name="valueSerDes"/> are used.
    /// </param>
    public static IKStream<string, TOut> RouteFailures<TIn, TOut>(
        this IKStream<string, TIn> stream,
        string processorName,
        ISerDes<TIn> valueSerDes,
        DeadLetterRoute route,
        Func<string, TIn, ProcessingOutcome<TOut>> step,
        Func<TIn, FailedRecord?>? receivedAs = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(processorName);
        ArgumentNullException.ThrowIfNull(valueSerDes);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(step);

        var outcomes = stream
            .MapValues((key, value, context) => Evaluate(processorName, valueSerDes, route, step, receivedAs, key, value, context), processorName)
            .Branch($"{processorName}.outcome", (_, routed, _) => routed.IsOk, (_, _, _) => true);

        outcomes[1]
            .MapValues((_, routed, context) =>
            {
                // The sink writes the record context's headers: the original ones plus the error headers.
                context.SetHeaders(routed.Headers);
                return routed.DeadLetter!;
            }, $"{processorName}.dead-letters")
            .WriteDeadLetters($"{processorName}.dead-letters", route);

        return outcomes[0].MapValues((_, routed, _) => routed.Value, $"{processorName}.ok");
    }

    private static RoutedRecord<TOut> Evaluate<TIn, TOut>(
        string processorName, ISerDes<TIn> valueSerDes, DeadLetterRoute route, Func<string, TIn, ProcessingOutcome<TOut>> step,
        Func<TIn, FailedRecord?>? receivedAs, string key, TIn value, IRecordContext context)
    {
        var received = value is null ? null : receivedAs?.Invoke(value);
        var origin = received?.Origin
            ?? (context.Topic is null ? DeadLetterOrigin.Unknown : DeadLetterOrigin.FromTopic(context.Topic, context.Partition, context.Offset));
        ProcessingOutcome<TOut> outcome;
        try
        {
            outcome = step(key, value);
        }
        catch (Exception e) when (IsRecordFailure(e))
        {
            outcome = new Failure(ReasonCode.ProcessingFailed,
                $"Processor '{processorName}' threw {e.GetType().Name} on the record at {origin} (key '{key}'): {e.Message} {ReasonCode.ProcessingFailed.Remedy}")
            {
                Exception = e,
            };
        }

        if (outcome.IsOk)
        {
            return RoutedRecord<TOut>.Ok(outcome.Value);
        }

        var failure = outcome.Failure!;
        if (received is not null)
        {
            var kept = route.Factory.Create(failure, received, processorName);
            return RoutedRecord<TOut>.Failed(kept, DeadLetterHeaders.For(kept, received.Headers, failure.Exception));
        }

        byte[]? rawValue = null;
        try
        {
            rawValue = value is null ? null : valueSerDes.Serialize(value, new SerializationContext(MessageComponentType.Value, context.Topic, context.Headers));
        }
        catch (Exception e) when (IsRecordFailure(e))
        {
            failure = failure with { Message = $"{failure.Message} (rawValue is missing: re-serializing the value failed with {e.GetType().Name}: {e.Message})" };
        }

        var record = new FailedRecord(origin, key is null ? null : Encoding.UTF8.GetBytes(key), rawValue, context.Headers);
        var deadLetter = route.Factory.Create(failure, record, processorName);
        return RoutedRecord<TOut>.Failed(deadLetter, DeadLetterHeaders.For(deadLetter, context.Headers, failure.Exception));
    }

    /// <summary>Whether an exception is about the record (dead-letter it) rather than the process or Streamiz itself (rethrow).</summary>
    private static bool IsRecordFailure(Exception e) =>
        e is not (OperationCanceledException or OutOfMemoryException)
        && e.GetType().Namespace?.StartsWith("Streamiz.Kafka.Net", StringComparison.Ordinal) != true;
}
