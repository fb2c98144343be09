using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.Stream;

namespace StreamFinance.Kafka.Audit;

/// <summary>
/// In-topology audit emission, the one way a topology records its decisions: a side branch of the stream that turns
/// each record into the audit events it stands for and writes them to <c>audit.emitted</c> with a sink of the same
/// topology. Under exactly-once they commit in the same transaction as the record's other outputs and its offset;
/// under at-least-once a reprocessed record writes the same events again with the same deterministic ids
/// (<see cref="AuditEventIds"/>), which the chainer and every reader take once.
/// </summary>
public static class AuditTrail
{
    /// <summary>
    /// Adds the audit branch to <paramref name="stream"/> and returns <paramref name="stream"/> itself, so the flow reads on.
    /// </summary>
    /// <remarks>Named processors: <c>&lt;processorName&gt;</c> (the facts, keyed by correlation id), <c>.produced-metric</c> and <c>.sink</c>.</remarks>
    /// <param name="stream">Records whose every arrival is a decision (or, through <paramref name="describe"/>, several or none).</param>
    /// <param name="processorName">Name of the branch, for example <c>expense.approved-audit</c>.</param>
    /// <param name="route">Where events go: <see cref="TopologyContext.AuditFor"/>.</param>
    /// <param name="describe">The decisions a record stands for; empty when it stands for none.</param>
    public static IKStream<string, T> AuditEach<T>(
        this IKStream<string, T> stream, string processorName, AuditRoute route, Func<string, T, IRecordContext, IEnumerable<AuditFact>> describe)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(processorName);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(describe);

        stream
            .FlatMap((key, value, context) => describe(key, value, context).Select(fact =>
            {
                var audit = route.Factory.Create(fact);
                return KeyValuePair.Create(audit.correlationId, audit);
            }), processorName)
            .CountProduced(route.Metrics, route.Topic.Name, $"{processorName}.produced-metric")
            // By correlation id, not to the source partition (Streamiz's default): every event of a chain reaches one chainer task.
            .To(route.Topic.Name, (_, key, _, _, partitions) => new Confluent.Kafka.Partition(AuditPartitioning.Of(key, partitions)),
                SerDesFactory.Key(), route.ValueSerDes, $"{processorName}.sink");
        return stream;
    }

    /// <summary>As <see cref="AuditEach{T}"/>, for a record that stands for at most one decision (null: none).</summary>
    public static IKStream<string, T> Audit<T>(
        this IKStream<string, T> stream, string processorName, AuditRoute route, Func<string, T, IRecordContext, AuditFact?> describe)
    {
        ArgumentNullException.ThrowIfNull(describe);
        return stream.AuditEach(processorName, route, (key, value, context) => describe(key, value, context) is { } fact ? [fact] : (IEnumerable<AuditFact>)[]);
    }
}
