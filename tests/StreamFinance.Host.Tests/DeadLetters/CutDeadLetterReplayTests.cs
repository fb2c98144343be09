using StreamFinance.Connectors.Sensitive;
using StreamFinance.Host.DeadLetters;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Host.Tests.DeadLetters;

public sealed class CutDeadLetterReplayTests
{
    private static readonly Dictionary<string, SensitiveOriginalCipher> NoSecrets = [];

    [Fact]
    public void A_dead_letter_whose_raw_value_was_cut_to_the_size_limit_is_not_replayed()
    {
        var letter = DeadLetterFactory.System.Create(new Failure(ReasonCode.DeserializationFailed, "not Avro"),
            new FailedRecord(DeadLetterOrigin.FromTopic("ingest.expenses", 0, 9), "EXP-9"u8.ToArray(), new byte[DeadLetterLimits.MaxRawValueBytes + 1]), "expense.deserialize");

        Assert.Null(ReplayValue.Of(letter, headers: null, NoSecrets));
    }

    [Fact]
    public void A_whole_dead_letter_is_replayed_with_its_raw_value()
    {
        byte[] value = [0, 0, 0, 0, 1, 42];
        var letter = DeadLetterFactory.System.Create(new Failure(ReasonCode.DeserializationFailed, "not Avro"),
            new FailedRecord(DeadLetterOrigin.FromTopic("ingest.expenses", 0, 9), "EXP-9"u8.ToArray(), value), "expense.deserialize");

        Assert.Equal(value, ReplayValue.Of(letter, headers: null, NoSecrets));
    }
}
