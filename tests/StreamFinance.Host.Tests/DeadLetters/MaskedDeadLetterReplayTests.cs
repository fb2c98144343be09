using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sensitive;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.DeadLetters;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Host.Tests.DeadLetters;

public sealed class MaskedDeadLetterReplayTests
{
    private const string Raw = "{\"id\":\"tx-1\",\"card\":\"4111 1111 1111 1111\"}";
    private static readonly SensitiveOriginalCipher Cipher = new(RandomNumberGenerator.GetBytes(32));

    private static (DeadLetter Letter, Confluent.Kafka.Headers? Headers) Masked(SensitiveOriginalCipher? cipher)
    {
        var letter = DeadLetterFactory.System.Create(new Failure(ReasonCode.ProductionFailed, "refused"),
            new FailedRecord(DeadLetterOrigin.Unwritten("ingest.card-transactions"), "tx-1"u8.ToArray(), Encoding.UTF8.GetBytes(Raw)), "connector.cards");
        var headers = new SensitiveDeadLetters(cipher).Mask(letter, SensitiveValues.Unlocated([new SensitiveField("$.card", SensitiveKind.Pan)]));
        return (letter, headers);
    }

    [Fact]
    public void A_masked_dead_letter_is_replayed_with_its_original_when_its_connectors_secret_is_given()
    {
        var (letter, headers) = Masked(Cipher);

        var value = ReplayValue.Of(letter, headers, new Dictionary<string, SensitiveOriginalCipher> { ["connector.cards"] = Cipher });

        Assert.Equal(Raw, Encoding.UTF8.GetString(value!));
        Assert.DoesNotContain("4111", Encoding.UTF8.GetString(letter.rawValue));
    }

    [Fact]
    public void A_masked_dead_letter_is_never_replayed_with_its_masked_bytes()
    {
        var (sealedLetter, sealedHeaders) = Masked(Cipher);
        var (unsealedLetter, unsealedHeaders) = Masked(cipher: null);

        Assert.Null(ReplayValue.Of(sealedLetter, sealedHeaders, new Dictionary<string, SensitiveOriginalCipher>()));
        Assert.Null(ReplayValue.Of(unsealedLetter, unsealedHeaders, new Dictionary<string, SensitiveOriginalCipher> { ["connector.cards"] = Cipher }));
    }

    [Fact]
    public void A_replayed_record_carries_neither_the_masked_marker_nor_the_sealed_original()
    {
        var (letter, headers) = Masked(Cipher);

        var replayed = ReplayHeaders.For(letter, headers);

        Assert.DoesNotContain(replayed, h => h.Key is SensitiveDeadLetters.MaskedHeader or SensitiveDeadLetters.OriginalHeader);
    }

    [Fact]
    public void A_dead_letter_secret_that_is_not_base64_of_32_bytes_is_refused_without_repeating_it()
    {
        var error = Assert.Throws<ConfigurationException>(() => StreamFinanceSettings.Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connectors:sap-files:Kind"] = "FileDrop", ["Connectors:sap-files:Profile"] = "sap-suppliers",
            ["Connectors:sap-files:FileDrop:Inbox"] = "/in", ["Connectors:sap-files:DeadLetterSecret"] = "too-short-secret",
        }).Build()));

        Assert.Contains("Connectors:sap-files:DeadLetterSecret is unusable", error.Message);
        Assert.DoesNotContain("too-short-secret", error.Message);
    }
}
