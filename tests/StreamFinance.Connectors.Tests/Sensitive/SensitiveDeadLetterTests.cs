using System.Security.Cryptography;
using System.Text;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Sensitive;
using StreamFinance.Connectors.Sources.Formats;
using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Connectors.Tests.Sensitive;

public sealed class SensitiveDeadLetterTests
{
    private const string Iban = "DE89 3704 0044 0532 0130 00";
    private const string Pan = "4111 1111 1111 1111";
    private static readonly DateTime Now = new(2026, 11, 26, 5, 0, 0, DateTimeKind.Utc);

    // The fingerprint every profile writes for this IBAN (SHA-256 of it without spaces), pinned independently of the code.
    private static readonly string IbanFingerprint = Convert.ToHexString(SHA256.HashData("DE89370400440532013000"u8)).ToLowerInvariant();

    private const string Suppliers = "LIFNR;NAME1;LAND1;STCD1;IBAN;SPERR;ERDAT\n" +
        $"SUP-0007;Beispiel GmbH;DE;DE811234567;{Iban};;20261345\n" +
        // Columns shifted by the sender: the IBAN sits in ERDAT, so the date error would quote it.
        $"SUP-0008;Verschoben AG;DE;DE298765432;20260101;;{Iban}\n";

    private static string CardProfile(string format = "json") =>
        MinimalProfile.With("format: json", $"format: {format}").Replace("sourceId: $.id", "sourceId: $.id\nsensitive: [{ path: $.card.number, kind: pan }]");

    private static string Card(string id, string pan, string amount = "12,50", string currency = "EUR") =>
        $$"""{"id":"{{id}}","employee":"E-1","card":{"number":"{{pan}}"},"merchant":"Cafe","posted":"20261120","date":"2026-11-19","amount":"{{amount}}","currency":"{{currency}}"}""";

    private static async Task<IReadOnlyList<(DeadLetter Letter, string Bytes)>> Ingest(IRecordMapper mapper, string payload, TestConnector t, SensitiveOriginalCipher? cipher = null)
    {
        var context = new ConnectorContext(t.Context.Name, t.Sink, t.DeadLetters, t.Offsets) { SensitiveDeadLetters = new SensitiveDeadLetters(cipher) };
        var items = IngestItems.Read(SourceFormats.Default.Get(mapper.Format), mapper, Encoding.UTF8.GetBytes(payload), "payload", Now);
        await new IngestPipeline(context).IngestAsync(new IngestBatch("payload", items), TestContext.Current.CancellationToken);
        return t.DeadLetters.Published.Select(p => (p.DeadLetter, DeadLetterBytes.Of(p.DeadLetter, p.Headers, p.Exception))).ToList();
    }

    private static void AssertNoClear(string bytes, params string[] values)
    {
        foreach (var value in values)
        {
            Assert.DoesNotContain(value, bytes, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value.Replace(" ", ""), bytes, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(value.Replace(' ', '-'), bytes, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_supplier_row_that_fails_mapping_is_dead_lettered_with_its_iban_as_the_profiles_fingerprint_never_in_clear()
    {
        var t = new TestConnector("sap-files");

        var letters = await Ingest(ProfileSamples.Profile("sap-suppliers"), Suppliers, t);

        Assert.Equal(2, letters.Count);
        Assert.All(letters, l => Assert.Equal(ReasonCode.MappingFailed.Code, l.Letter.reasonCode));
        Assert.All(letters, l => AssertNoClear(l.Bytes, Iban));
        var badDate = letters.Single(l => l.Letter.originLine == 2).Letter;
        Assert.Equal($"SUP-0007;Beispiel GmbH;DE;DE811234567;sha256:{IbanFingerprint};;20261345", Encoding.UTF8.GetString(badDate.rawValue));
        Assert.Contains("20261345", badDate.message);
        var shifted = letters.Single(l => l.Letter.originLine == 3).Letter;
        Assert.Contains($"sha256:{IbanFingerprint}", Encoding.UTF8.GetString(shifted.rawValue));
        Assert.Contains($"sha256:{IbanFingerprint}", shifted.message);
        Assert.All(t.DeadLetters.Published, p => Assert.True(SensitiveDeadLetters.IsMasked(p.Headers)));
    }

    [Fact]
    public async Task A_card_record_that_fails_mapping_is_dead_lettered_with_its_pan_cut_to_the_last_four_digits()
    {
        var t = new TestConnector("cards");
        var mapper = new MappingProfileLoader().Load(CardProfile(), "test-cards.yaml");
        // tx-1: a bad amount; tx-2: the sender put the card number into the currency, so the currency error would quote it.
        var payload = $"[{Card("tx-1", Pan, amount: "12,3x")},{Card("tx-2", "4111111111111111", currency: Pan)}]";

        var letters = await Ingest(mapper, payload, t);

        Assert.Equal(2, letters.Count);
        Assert.All(letters, l => Assert.Equal(ReasonCode.MappingFailed.Code, l.Letter.reasonCode));
        Assert.All(letters, l => AssertNoClear(l.Bytes, Pan));
        Assert.All(letters, l => Assert.Contains("\"number\":\"****1111\"", Encoding.UTF8.GetString(l.Letter.rawValue)));
        var quoted = letters.Single(l => l.Letter.originLine == 2).Letter;
        Assert.Contains("****1111", quoted.message);
    }

    [Fact]
    public async Task A_pan_is_masked_whatever_the_failure_in_exception_messages_refused_records_and_unparseable_lines()
    {
        var t = new TestConnector("cards", new RecordingSink
        {
            Unserializable = key => key == "tx-3" ? $"field transactionId: '{Pan}' is not a string of the schema" : null,
            Refuse = key => key == "tx-5",
        });
        var mapper = new MappingProfileLoader().Load(CardProfile("jsonl"), "test-cards.yaml");
        var payload = Card("tx-3", Pan) + "\n" + $$"""{"id":"tx-4","card":{"number":"5555 5555 5555 4444"},"amount":""" + "\n" + Card("tx-5", Pan) + "\n";

        var letters = await Ingest(mapper, payload, t);

        Assert.Equal(3, letters.Count);
        var refused = letters.Single(l => l.Letter.reasonCode == ReasonCode.ProductionFailed.Code);
        Assert.Contains("\"number\":\"****1111\"", Encoding.UTF8.GetString(refused.Letter.rawValue));
        AssertNoClear(refused.Bytes, Pan);

        var schemaInvalid = letters.Single(l => l.Letter.reasonCode == ReasonCode.SchemaInvalid.Code);
        Assert.Contains("****1111", schemaInvalid.Letter.exceptionMessage);
        AssertNoClear(schemaInvalid.Bytes, Pan);
        var unparseable = letters.Single(l => l.Letter.reasonCode == ReasonCode.ParseFailed.Code);
        Assert.Contains("****4444", Encoding.UTF8.GetString(unparseable.Letter.rawValue));
        AssertNoClear(unparseable.Bytes, "5555 5555 5555 4444");
    }

    [Fact]
    public async Task An_x12_invoice_that_fails_mapping_has_the_account_in_a_declared_element_fingerprinted()
    {
        var t = new TestConnector("edi-files");
        var profile = File.ReadAllText(Path.Combine(ProfileSamples.ProfileDirectory, "edi-810-supplier-invoices.yaml"))
            .Replace("target: ingest.supplier-invoices", "target: ingest.supplier-invoices\nsensitive: [{ path: \"REF[ZZ]02\", kind: bankAccount }]");
        var mapper = new MappingProfileLoader().Load(profile, "edi-810.yaml");
        // The first invoice's terms (ITD) replaced by a partner-defined REF with the remittance IBAN: without ITD06 it fails mapping.
        var sample = File.ReadAllText(Path.Combine(ProfileSamples.SampleDirectory, "edi", "invoices-810.x12"));
        var x12 = sample.Replace("ITD|01|3||||20261225|30~", $"REF|ZZ|{Iban}~");

        var letters = await Ingest(mapper, x12, t);

        var letter = Assert.Single(letters);
        Assert.Equal(ReasonCode.MappingFailed.Code, letter.Letter.reasonCode);
        AssertNoClear(letter.Bytes, Iban);
        Assert.Contains($"REF|ZZ|sha256:{IbanFingerprint}~", Encoding.UTF8.GetString(letter.Letter.rawValue));
    }

    [Fact]
    public async Task With_a_dead_letter_secret_the_original_bytes_are_kept_sealed_and_open_only_with_that_secret()
    {
        var key = RandomNumberGenerator.GetBytes(SensitiveOriginalCipher.KeyBytes);
        var t = new TestConnector("sap-files");

        await Ingest(ProfileSamples.Profile("sap-suppliers"), Suppliers, t, new SensitiveOriginalCipher(key));

        var (_, letter, headers, _) = t.DeadLetters.Published.Single(p => p.DeadLetter.originLine == 2);
        var original = SensitiveDeadLetters.Original(letter, headers, new SensitiveOriginalCipher(key));
        Assert.Equal($"SUP-0007;Beispiel GmbH;DE;DE811234567;{Iban};;20261345", Encoding.UTF8.GetString(original!));
        Assert.ThrowsAny<CryptographicException>(() => SensitiveDeadLetters.Original(letter, headers, new SensitiveOriginalCipher(RandomNumberGenerator.GetBytes(32))));
        var other = t.DeadLetters.Published.Single(p => p.DeadLetter.originLine == 3).DeadLetter;
        Assert.ThrowsAny<CryptographicException>(() => SensitiveDeadLetters.Original(other, headers, new SensitiveOriginalCipher(key)));
    }

    [Fact]
    public async Task Without_a_dead_letter_secret_the_original_of_a_masked_dead_letter_is_not_kept()
    {
        var t = new TestConnector("sap-files");

        await Ingest(ProfileSamples.Profile("sap-suppliers"), Suppliers, t);

        Assert.All(t.DeadLetters.Published, p => Assert.DoesNotContain(Iban, Encoding.UTF8.GetString(p.DeadLetter.rawValue)));
        Assert.All(t.DeadLetters.Published, p => Assert.False(p.Headers!.TryGetLastBytes(SensitiveDeadLetters.OriginalHeader, out _)));
        Assert.All(t.DeadLetters.Published, p => Assert.Null(SensitiveDeadLetters.Original(p.DeadLetter, p.Headers, new SensitiveOriginalCipher(new byte[32]))));
    }
}
