using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Streamiz.Kafka.Net.Processors;

namespace StreamFinance.Kafka.Observability;

/// <summary>
/// Puts the correlation id and origin of a record on every log line written while it is handled:
/// <code>
/// using (logger.BeginRecordScope(expense.envelope.correlationId, record))
///     logger.LogWarning("Expense {ExpenseId} has no receipt", expense.expenseId);
/// </code>
/// Both console formats include scopes (<c>Logging:Format</c> simple or json).
/// </summary>
public static class RecordLogScope
{
    /// <summary>Scope for a record at <paramref name="topic"/>/<paramref name="partition"/>/<paramref name="offset"/>.</summary>
    public static IDisposable? BeginRecordScope(this ILogger logger, string? correlationId, string topic, int partition, long offset)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(new RecordScope(correlationId, topic, partition, offset));
    }

    /// <summary>Scope for the record a Streamiz processor is handling (from <c>Peek</c>, <c>MapValues</c> and the like).</summary>
    public static IDisposable? BeginRecordScope(this ILogger logger, string? correlationId, IRecordContext record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return logger.BeginRecordScope(correlationId, record.Topic, record.Partition, record.Offset);
    }

    /// <summary>Scope for a record a connector consumed or produced.</summary>
    public static IDisposable? BeginRecordScope(this ILogger logger, string? correlationId, TopicPartitionOffset position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return logger.BeginRecordScope(correlationId, position.Topic, position.Partition.Value, position.Offset.Value);
    }
}
