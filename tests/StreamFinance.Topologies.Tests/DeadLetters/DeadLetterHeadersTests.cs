using Confluent.Kafka;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Topologies.Tests.DeadLetters;

public sealed class DeadLetterHeadersTests
{
    private readonly DeadLetterFactory factory = new(new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void The_original_headers_come_first_then_the_streams_errors_headers_of_the_failure()
    {
        var original = TestHeaders.Of(("streamfinance.correlation-id", "corr-7"), ("streamfinance.source-system", "concur"));
        var exception = new FormatException("Unknown magic byte!");
        var deadLetter = DeadLetterFrom(DeadLetterOrigin.FromTopic("ingest.expenses", 3, 42), exception);

        var headers = TestHeaders.AsText(DeadLetterHeaders.For(deadLetter, original, exception));

        Assert.Equal(
            [
                ("streamfinance.correlation-id", "corr-7"),
                ("streamfinance.source-system", "concur"),
                ("__streams.errors.topic", "ingest.expenses"),
                ("__streams.errors.partition", "3"),
                ("__streams.errors.offset", "42"),
                ("__streams.errors.exception", "System.FormatException"),
                ("__streams.errors.message", "Unknown magic byte!"),
            ],
            headers.Take(7));
        Assert.Equal("__streams.errors.stacktrace", headers[7].Name);
        Assert.StartsWith("System.FormatException: Unknown magic byte!", headers[7].Value);
        Assert.Equal(
            [
                ("__streams.errors.reason", "DESERIALIZATION_FAILED"),
                ("__streams.errors.owner", "INTEGRATION_SUPPORT"),
                ("__streams.errors.processor", "expenses.deserialize"),
            ],
            headers.Skip(8));
    }

    [Fact]
    public void The_original_headers_are_not_modified()
    {
        var original = TestHeaders.Of(("streamfinance.correlation-id", "corr-7"));

        DeadLetterHeaders.For(DeadLetterFrom(DeadLetterOrigin.FromTopic("t", 0, 1)), original);

        Assert.Single(original);
    }

    [Fact]
    public void A_business_rejection_carries_its_human_message_and_no_stack_trace()
    {
        var deadLetter = factory.Create(
            new Failure(ReasonCode.InactiveCostCenter, "Cost center DE01-4100 was inactive on 2025-03-01."),
            new FailedRecord(DeadLetterOrigin.FromTopic("ingest.expenses", 0, 8), null, null),
            "expense.validate");

        var headers = DeadLetterHeaders.For(deadLetter, original: null);

        Assert.Equal("BusinessRule", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Exception));
        Assert.Equal("Cost center DE01-4100 was inactive on 2025-03-01.", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Message));
        Assert.Equal("FINANCE_OPS", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Owner));
        Assert.Null(DeadLetterHeaders.Read(headers, DeadLetterHeaders.StackTrace));
    }

    [Fact]
    public void A_replayed_record_that_fails_again_describes_only_its_latest_failure()
    {
        var replayed = TestHeaders.Of(
            ("streamfinance.correlation-id", "corr-7"),
            ("__streams.errors.reason", "FX_RATE_MISSING"),
            ("__streams.errors.offset", "3"));

        var headers = DeadLetterHeaders.For(DeadLetterFrom(DeadLetterOrigin.FromTopic("ingest.expenses", 0, 90)), replayed);

        Assert.Equal(["DESERIALIZATION_FAILED"], headers.Where(h => h.Key == DeadLetterHeaders.Reason).Select(h => System.Text.Encoding.UTF8.GetString(h.GetValueBytes())));
        Assert.Equal("90", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Offset));
        Assert.Equal("corr-7", DeadLetterHeaders.Read(headers, "streamfinance.correlation-id"));
    }

    [Fact]
    public void The_stack_trace_header_is_cut_to_the_maximum_length()
    {
        var exception = new InvalidOperationException(new string('x', 3 * DeadLetterHeaders.MaxStackTraceChars));

        var headers = DeadLetterHeaders.For(DeadLetterFrom(DeadLetterOrigin.FromTopic("t", 0, 1), exception), null, exception);

        var stackTrace = DeadLetterHeaders.Read(headers, DeadLetterHeaders.StackTrace)!;
        Assert.EndsWith("...(truncated)", stackTrace);
        Assert.True(stackTrace.Length < DeadLetterHeaders.MaxStackTraceChars + 20, $"{stackTrace.Length} characters");
    }

    [Fact]
    public void A_file_origin_has_no_topic_partition_or_offset_headers()
    {
        var headers = DeadLetterHeaders.For(DeadLetterFrom(DeadLetterOrigin.FromFile("inbox/a.csv", 3)), null);

        Assert.DoesNotContain(headers, h => h.Key is DeadLetterHeaders.Topic or DeadLetterHeaders.Partition or DeadLetterHeaders.Offset);
        Assert.Equal("DESERIALIZATION_FAILED", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Reason));
    }

    private DeadLetter DeadLetterFrom(DeadLetterOrigin origin, Exception? exception = null) =>
        factory.Create(
            new Failure(ReasonCode.DeserializationFailed, "Could not deserialize.") { Exception = exception },
            new FailedRecord(origin, null, [1]),
            "expenses.deserialize");
}
