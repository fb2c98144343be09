using Streamiz.Kafka.Net.Stream;

namespace StreamFinance.Kafka.Observability;

/// <summary>
/// Counting a topology's records without touching its logic: one call after each source and one before each sink.
/// <code>
/// builder.Stream(Topics.Expenses.Name, keySerDes, valueSerDes)
///     .CountConsumed(context.Metrics, Topics.Expenses.Name)
///     ... the topology's own steps ...
///     .CountProduced(context.Metrics, Topics.ExpenseApproved.Name)
///     .To(Topics.ExpenseApproved.Name, keySerDes, approvedSerDes);
/// </code>
/// </summary>
/// <remarks>
/// <para>
/// Each call adds one named pass-through processor (a <c>Peek</c>). That is exact: every record that leaves the
/// source node, or reaches the sink node, is counted once per time it is processed, so a record reprocessed after a
/// crash under at-least-once is counted again, as it was processed again. Streamiz's own sensors cannot give this:
/// its per-node process counter exists only at DEBUG recording level, only on source nodes, and is labelled by
/// processor node rather than topic, and nothing at all counts sink records.
/// </para>
/// <para>
/// Like every Streamiz operator, each call takes one index from the generated-name counter even though it is named,
/// so add the calls when a topology is first written (its unnamed processors keep their names from then on); all
/// stores and repartitions must be named anyway.
/// </para>
/// </remarks>
public static class StreamMetricsExtensions
{
    /// <summary>Counts each record read from <paramref name="topic"/> in <c>streamfinance_records_consumed_total</c>.</summary>
    /// <param name="stream">The stream just read from <paramref name="topic"/>.</param>
    /// <param name="metrics">The topology's metrics (<see cref="TopologyContext.Metrics"/>).</param>
    /// <param name="topic">The source topic.</param>
    /// <param name="named">Processor name; default <c>{topic}-consumed-metric</c>.</param>
    public static IKStream<TKey, TValue> CountConsumed<TKey, TValue>(
        this IKStream<TKey, TValue> stream, TopologyMetrics metrics, string topic, string? named = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var counter = metrics.Consumed(topic);
        return stream.Peek((_, _, _) => counter.Inc(), named ?? $"{topic}-consumed-metric");
    }

    /// <summary>
    /// Counts each record about to be written to <paramref name="topic"/> in <c>streamfinance_records_produced_total</c>
    /// and observes its end-to-end latency in <c>streamfinance_processing_latency_seconds</c>.
    /// </summary>
    /// <param name="stream">The stream about to be written to <paramref name="topic"/>.</param>
    /// <param name="metrics">The topology's metrics (<see cref="TopologyContext.Metrics"/>).</param>
    /// <param name="topic">The sink topic.</param>
    /// <param name="named">Processor name; default <c>{topic}-produced-metric</c>. Give one when two branches write to the same topic.</param>
    public static IKStream<TKey, TValue> CountProduced<TKey, TValue>(
        this IKStream<TKey, TValue> stream, TopologyMetrics metrics, string topic, string? named = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return stream.Peek((_, _, record) => metrics.RecordProduced(topic, record.Timestamp), named ?? $"{topic}-produced-metric");
    }
}
