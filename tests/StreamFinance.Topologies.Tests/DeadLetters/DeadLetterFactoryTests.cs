using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Topologies.Tests.DeadLetters;

public sealed class DeadLetterFactoryTests
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private readonly DeadLetterFactory factory = new(new FakeTimeProvider(Noon));

    [Fact]
    public void A_consumed_record_keeps_its_exact_bytes_its_origin_and_the_failure_time()
    {
        byte[] key = [0x45, 0x58, 0x50, 0x2d, 0x31];
        byte[] value = [0xff, 0x00, 0x13, 0x37];
        var record = new FailedRecord(DeadLetterOrigin.FromTopic("ingest.expenses", 4, 1207), key, value);

        var deadLetter = factory.Create(new Failure(ReasonCode.UnknownCostCenter, "Cost center DE01-9999 does not exist."), record, "expense.validate");

        Assert.Equal("UNKNOWN_COST_CENTER", deadLetter.reasonCode);
        Assert.Equal(OwnerRole.FINANCE_OPS, deadLetter.ownerRole);
        Assert.Equal("Cost center DE01-9999 does not exist.", deadLetter.message);
        Assert.Equal(("ingest.expenses", 4, 1207L), (deadLetter.originTopic, deadLetter.originPartition!.Value, deadLetter.originOffset!.Value));
        Assert.Null(deadLetter.originFile);
        Assert.Null(deadLetter.originLine);
        Assert.Equal(key, deadLetter.rawKey);
        Assert.Equal(value, deadLetter.rawValue);
        Assert.Equal("expense.validate", deadLetter.processor);
        Assert.Equal(1, deadLetter.attemptCount);
        Assert.Equal(Noon.UtcDateTime, deadLetter.failedAt);
    }

    [Fact]
    public void The_correlation_id_of_the_failure_wins_over_the_header()
    {
        var record = TopicRecord(TestHeaders.Of(("streamfinance.correlation-id", "corr-from-header")));

        var deadLetter = factory.Create(new Failure(ReasonCode.ClosedPeriod, "Period 2025-02 is closed.") { CorrelationId = "corr-from-envelope" }, record, "p");

        Assert.Equal("corr-from-envelope", deadLetter.correlationId);
    }

    [Fact]
    public void Without_a_correlation_id_the_header_is_used()
    {
        var record = TopicRecord(TestHeaders.Of(("streamfinance.correlation-id", "corr-from-header")));

        var deadLetter = factory.Create(new Failure(ReasonCode.ClosedPeriod, "Period 2025-02 is closed."), record, "p");

        Assert.Equal("corr-from-header", deadLetter.correlationId);
    }

    [Fact]
    public void Without_correlation_id_or_header_the_topic_position_becomes_the_correlation_id()
    {
        var record = new FailedRecord(DeadLetterOrigin.FromTopic("ingest.expenses", 2, 99), null, null, TestHeaders.Of(("streamfinance.correlation-id", "  ")));

        var deadLetter = factory.Create(new Failure(ReasonCode.DeserializationFailed, "Not Avro."), record, "p");

        Assert.Equal("ingest.expenses/2/99", deadLetter.correlationId);
    }

    [Fact]
    public void A_file_record_has_file_and_line_as_origin_and_as_correlation_id()
    {
        var record = new FailedRecord(DeadLetterOrigin.FromFile("inbox/concur-2025-03-14.csv", 17), null, Encoding.UTF8.GetBytes("a;b;c"));

        var deadLetter = factory.Create(new Failure(ReasonCode.MappingFailed, "Column 'amount' is empty.") { MappingProfile = "concur-expenses@3" }, record, "connector.concur-file");

        Assert.Equal(("inbox/concur-2025-03-14.csv", 17L), (deadLetter.originFile, deadLetter.originLine!.Value));
        Assert.Null(deadLetter.originTopic);
        Assert.Null(deadLetter.originPartition);
        Assert.Null(deadLetter.originOffset);
        Assert.Equal("inbox/concur-2025-03-14.csv:17", deadLetter.correlationId);
        Assert.Equal("concur-expenses@3", deadLetter.mappingProfile);
    }

    [Fact]
    public void A_record_that_never_reached_kafka_and_has_no_correlation_header_gets_a_new_correlation_id()
    {
        var record = new FailedRecord(DeadLetterOrigin.Unwritten("erp.journal-postings"), null, [1, 2, 3]);

        var first = factory.Create(new Failure(ReasonCode.ProductionFailed, "Too large."), record, "p");
        var second = factory.Create(new Failure(ReasonCode.ProductionFailed, "Too large."), record, "p");

        Assert.True(Guid.TryParse(first.correlationId, out _), first.correlationId);
        Assert.NotEqual(first.correlationId, second.correlationId);
        Assert.Null(first.originOffset);
    }

    [Fact]
    public void A_business_rejection_is_marked_BusinessRule_without_an_exception_message()
    {
        var deadLetter = factory.Create(new Failure(ReasonCode.MissingReceipt, "Expense EXP-1 over 25 EUR has no receipt."), TopicRecord(), "p");

        Assert.Equal(DeadLetterFactory.BusinessRuleExceptionType, deadLetter.exceptionType);
        Assert.Null(deadLetter.exceptionMessage);
    }

    [Fact]
    public void An_exception_keeps_its_full_type_name_and_the_messages_of_its_inner_exceptions()
    {
        var exception = new InvalidOperationException("Enrichment failed.", new FormatException("'12,5' is not a decimal."));

        var deadLetter = factory.Create(new Failure(ReasonCode.ProcessingFailed, "Processor threw.") { Exception = exception }, TopicRecord(), "p");

        Assert.Equal("System.InvalidOperationException", deadLetter.exceptionType);
        Assert.Equal("Enrichment failed. ---> System.FormatException: '12,5' is not a decimal.", deadLetter.exceptionMessage);
    }

    [Fact]
    public void The_idempotency_key_comes_from_the_failure_else_from_the_header_else_is_null()
    {
        var withHeader = TopicRecord(TestHeaders.Of(("streamfinance.idempotency-key", "concur:EXP-1:2")));
        var failure = new Failure(ReasonCode.PolicyLimitExceeded, "Limit 500 EUR exceeded.");

        Assert.Equal("explicit", factory.Create(failure with { IdempotencyKey = "explicit" }, withHeader, "p").idempotencyKey);
        Assert.Equal("concur:EXP-1:2", factory.Create(failure, withHeader, "p").idempotencyKey);
        Assert.Null(factory.Create(failure, TopicRecord(), "p").idempotencyKey);
    }

    [Fact]
    public void A_replayed_record_keeps_its_attempt_count()
    {
        var deadLetter = factory.Create(new Failure(ReasonCode.FxRateMissing, "No USD/EUR rate for 2025-03-01.") { AttemptCount = 3 }, TopicRecord(), "p");

        Assert.Equal(3, deadLetter.attemptCount);
    }

    [Fact]
    public void A_failure_without_a_message_is_refused()
    {
        Assert.Throws<ArgumentException>(() => factory.Create(new Failure(ReasonCode.FxRateMissing, " "), TopicRecord(), "p"));
    }

    private static FailedRecord TopicRecord(Headers? headers = null) =>
        new(DeadLetterOrigin.FromTopic("ingest.expenses", 0, 5), Encoding.UTF8.GetBytes("EXP-1"), [0, 0, 0, 0, 1, 2], headers);
}
