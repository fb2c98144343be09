using System.Security.Cryptography;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Topologies.Tests.DeadLetters;

public sealed class DeadLetterLimitsTests
{
    private readonly DeadLetterFactory factory = new(new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void A_900_kb_record_with_big_messages_and_headers_becomes_a_dead_letter_that_fits_in_a_kafka_message()
    {
        var value = RandomBytes(900_000);
        var headers = TestHeaders.Of(("streamfinance.correlation-id", "corr-huge"), ("vendor.trace", new string('t', 200_000)));
        var schemas = new string('s', 120_000);
        var record = new FailedRecord(DeadLetterOrigin.FromTopic("ingest.expenses", 2, 77), Encoding.UTF8.GetBytes("EXP-1"), value, headers);
        var failure = new Failure(ReasonCode.DeserializationFailed, $"Could not read with reader schema {schemas}") { Exception = new InvalidOperationException($"writer schema {schemas}") };

        var deadLetter = factory.Create(failure, record, "expense.deserialize");
        var written = WrittenSize(deadLetter, DeadLetterHeaders.For(deadLetter, headers, failure.Exception));

        Assert.True(written < 600_000, $"the dead letter takes {written} bytes on the wire");
        Assert.Equal(["rawValue", "message", "exceptionMessage", "headers"], deadLetter.truncated);
        Assert.Equal(value[..DeadLetterLimits.MaxRawValueBytes], deadLetter.rawValue);
        Assert.Equal(900_000L, deadLetter.rawValueLength);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(value)), deadLetter.rawValueSha256);
        Assert.InRange(deadLetter.message.Length, DeadLetterLimits.MaxTextChars - 64, DeadLetterLimits.MaxTextChars);
        Assert.EndsWith("more characters cut)", deadLetter.message);
        Assert.Equal("corr-huge", deadLetter.correlationId);
        Assert.False(DeadLetterLimits.IsReplayable(deadLetter));
    }

    [Fact]
    public void A_dead_letter_within_the_limits_is_kept_whole_and_names_nothing_cut()
    {
        var value = RandomBytes(DeadLetterLimits.MaxRawValueBytes);
        var record = new FailedRecord(DeadLetterOrigin.FromTopic("ingest.expenses", 0, 1), [0x41], value, TestHeaders.Of(("h", "v")));

        var deadLetter = factory.Create(new Failure(ReasonCode.UnknownCostCenter, "Cost center CC-1 does not exist."), record, "expense.validate");

        Assert.Empty(deadLetter.truncated);
        Assert.Equal(value, deadLetter.rawValue);
        Assert.Null(deadLetter.rawValueLength);
        Assert.Null(deadLetter.rawValueSha256);
        Assert.True(DeadLetterLimits.IsReplayable(deadLetter));
    }

    [Fact]
    public void An_oversized_key_is_cut_and_makes_the_dead_letter_unreplayable()
    {
        var record = new FailedRecord(DeadLetterOrigin.FromTopic("ingest.expenses", 0, 1), RandomBytes(20_000), [1, 2, 3]);

        var deadLetter = factory.Create(new Failure(ReasonCode.DeserializationFailed, "bad"), record, "expense.deserialize");

        Assert.Equal(["rawKey"], deadLetter.truncated);
        Assert.Equal(DeadLetterLimits.MaxRawKeyBytes, deadLetter.rawKey.Length);
        Assert.False(DeadLetterLimits.IsReplayable(deadLetter));
    }

    [Fact]
    public void Headers_past_the_budget_are_left_out_and_a_long_header_value_is_cut()
    {
        var headers = new Headers();
        for (var i = 0; i < 12; i++)
            headers.Add($"h{i}", RandomBytes(7_000));
        headers.Add("long", RandomBytes(20_000));

        var (kept, cut) = DeadLetterLimits.OriginalHeaders(headers);

        Assert.True(cut);
        Assert.True(kept.Sum(h => h.Key.Length + (h.Value?.Length ?? 0)) <= DeadLetterLimits.MaxHeadersBytes);
        Assert.Equal(Enumerable.Range(0, 9).Select(i => $"h{i}"), kept.Select(h => h.Key));
        Assert.Equal(headers.GetLastBytes("h0"), kept[0].Value);
    }

    [Fact]
    public void A_cut_message_never_splits_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("\U0001F4B6", DeadLetterLimits.MaxTextChars));
        var record = new FailedRecord(DeadLetterOrigin.FromTopic("t", 0, 1), null, null);

        var deadLetter = factory.Create(new Failure(ReasonCode.DeserializationFailed, text), record, "p");

        var kept = deadLetter.message[..deadLetter.message.IndexOf(" ...(", StringComparison.Ordinal)];
        Assert.True(kept.Length % 2 == 0 && !char.IsHighSurrogate(kept[^1]));
        Assert.Contains($"({text.Length - kept.Length} more characters cut)", deadLetter.message);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Key, Avro value and headers as the dead-letter producer writes them.</summary>
    private static long WrittenSize(DeadLetter deadLetter, Headers headers)
    {
        var serDes = new SerDesFactory(new Embedded.SchemaRegistry.InMemorySchemaRegistryClient()).Avro<DeadLetter>();
        var value = serDes.Serialize(deadLetter, new SerializationContext(MessageComponentType.Value, "dlq.expenses", headers));
        return (deadLetter.rawKey?.Length ?? 0) + value.Length + headers.Sum(h => Encoding.UTF8.GetByteCount(h.Key) + (h.GetValueBytes()?.Length ?? 0));
    }
}
