using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Topologies.Tests.Observability;

public sealed class RecordLogScopeTests
{
    [Fact]
    public void A_record_scope_reads_as_correlation_id_topic_partition_and_offset()
    {
        var scope = new RecordScope("corr-42", "ingest.expenses", 3, 1017);

        Assert.Equal("correlation_id=corr-42 topic=ingest.expenses partition=3 offset=1017", scope.ToString());
        Assert.Equal(
            [new("CorrelationId", "corr-42"), new("Topic", "ingest.expenses"), new("Partition", 3), new("Offset", 1017L)],
            scope.ToList());
    }

    [Fact]
    public void A_record_without_correlation_id_says_so()
    {
        Assert.StartsWith("correlation_id=- ", new RecordScope(null, "t", 0, 0).ToString());
    }

    [Fact]
    public void BeginRecordScope_opens_the_scope_on_the_logger()
    {
        var logger = new ScopeRecordingLogger();

        using (logger.BeginRecordScope("corr-7", new TopicPartitionOffset("ingest.expenses", 1, 99)))
        {
        }

        var scope = Assert.IsType<RecordScope>(Assert.Single(logger.Scopes));
        Assert.Equal(("corr-7", "ingest.expenses", 1, 99L), (scope.CorrelationId, scope.Topic, scope.Partition, scope.Offset));
    }

    private sealed class ScopeRecordingLogger : ILogger
    {
        public List<object> Scopes { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            Scopes.Add(state);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
