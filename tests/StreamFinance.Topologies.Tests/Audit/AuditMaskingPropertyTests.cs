using System.Globalization;
using System.Text;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Masking;
using StreamFinance.Topologies.Tests.Expenses;

namespace StreamFinance.Topologies.Tests.Audit;

/// <summary>
/// No audit event carries a full card number or bank account number, whatever the payload: generated expense lines,
/// card transactions and dead letters with card numbers (Luhn-valid, 13 to 19 digits, spaced, dashed or touching
/// letters) and IBANs in their free-text fields; the last four digits and the fingerprint stay, so a person can still
/// tell which card or account.
/// </summary>
public sealed class AuditMaskingPropertyTests
{
    private const int Payloads = 600;

    [Fact]
    public void No_generated_payload_leaves_a_full_card_number_or_iban_in_any_field_of_its_audit_event()
    {
        var random = new Random(20261207);
        var factory = new AuditEventFactory("expense");
        for (var i = 0; i < Payloads; i++)
        {
            var pan = Pan(random);
            var iban = Iban(random);
            var text = Around(random, pan, iban);
            foreach (var fact in Facts(i, text, pan))
            {
                var audit = factory.Create(fact);
                var rendered = Rendered(audit);
                Assert.False(Compact(rendered).Contains(Compact(pan), StringComparison.Ordinal), $"payload {i} ({fact.Payload?.GetType().Name}): card number {pan} in {rendered}");
                Assert.DoesNotContain(Compact(iban), Compact(rendered).ToUpperInvariant(), StringComparison.Ordinal);
                Assert.Contains("****" + pan.Where(char.IsAsciiDigit).TakeLast(4).Aggregate("", (s, c) => s + c), rendered, StringComparison.Ordinal);
                Assert.Contains(SensitiveMasks.BankAccount(iban), rendered, StringComparison.Ordinal);
                Assert.NotNull(audit.payloadSha256);
            }
        }
    }

    [Fact]
    public void The_hash_is_of_the_unmasked_payload_so_two_cards_with_the_same_last_four_digits_hash_apart()
    {
        var factory = new AuditEventFactory("expense");
        var line = Line("EXP-1", "card 4111 1111 1111 1111");
        var a = factory.Create(new AuditFact(AuditSteps.Approved, AuditOutcome.SUCCEEDED, "c", "EXP-1") { Payload = line });
        line.description = line.merchant = "card 5500 0000 0008 1111";
        var b = factory.Create(new AuditFact(AuditSteps.Approved, AuditOutcome.SUCCEEDED, "c", "EXP-1") { Payload = line });

        Assert.Equal(a.payloadSnapshot, b.payloadSnapshot);
        Assert.NotEqual(a.payloadSha256, b.payloadSha256);
    }

    private static IEnumerable<AuditFact> Facts(int i, string text, string pan)
    {
        var id = $"EXP-{i}";
        yield return new AuditFact(AuditSteps.Approved, AuditOutcome.SUCCEEDED, $"c-{i}", id) { Payload = Line(id, text) };
        var card = ExpenseWorld.CodedCard($"T-{i}");
        card.memo = text;
        card.merchant = text.Length > 40 ? text[..40] : text;
        yield return new AuditFact(AuditSteps.Held, AuditOutcome.HELD, $"c-{i}", card.transactionId) { Payload = card, Reason = $"card {pan} waits" };
        var letter = new DeadLetterFactory(TimeProvider.System).Create(
            new Failure(ReasonCode.MappingFailed, $"amount: '{text}' is not a decimal"),
            new FailedRecord(DeadLetterOrigin.FromFile("concur.csv", i + 1), Encoding.UTF8.GetBytes(id), Encoding.UTF8.GetBytes(text)), "connector.concur");
        yield return DeadLetterAudit.FactOf(letter);
        yield return new AuditFact(AuditSteps.Ingested, AuditOutcome.SUCCEEDED, $"c-{i}", id) { RawPayload = Encoding.UTF8.GetBytes(text), RawSnapshot = text };
    }

    private static ExpenseLine Line(string id, string description)
    {
        var line = ExpenseWorld.Expense(id);
        line.description = description;
        line.merchant = description.Length > 30 ? description[..30] : description;
        return line;
    }

    /// <summary>Every string of the event as one text: snapshot, reason, detail, related ids, ids.</summary>
    private static string Rendered(AuditEvent audit) =>
        string.Join("\n", new[] { audit.payloadSnapshot, audit.reason, audit.businessId, audit.correlationId }
            .Concat(audit.detail.SelectMany(d => new[] { d.Key, d.Value })).Concat(audit.relatedIds).Where(s => s is not null));

    private static string Compact(string text) => new(text.Where(char.IsAsciiLetterOrDigit).ToArray());

    /// <summary>A Luhn-valid card number of a real brand's length, with a random separator style.</summary>
    private static string Pan(Random random)
    {
        var (prefix, length) = random.Next(4) switch
        {
            0 => ("4", random.Next(2) == 0 ? 16 : 13),
            1 => ("5" + random.Next(1, 6).ToString(CultureInfo.InvariantCulture), 16),
            2 => ("3" + (random.Next(2) == 0 ? "4" : "7"), 15),
            _ => ("6011", random.Next(16, 20)),
        };
        var digits = new StringBuilder(prefix);
        while (digits.Length < length - 1)
            digits.Append((char)('0' + random.Next(10)));
        digits.Append(LuhnDigit(digits.ToString()));
        var separator = random.Next(3) switch { 0 => "", 1 => " ", _ => "-" };
        return separator.Length == 0 ? digits.ToString() : string.Join(separator, digits.ToString().Chunk(4).Select(c => new string(c)));
    }

    private static char LuhnDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }

    /// <summary>A German IBAN with correct check digits, compact or in groups of four.</summary>
    private static string Iban(Random random)
    {
        var bban = string.Concat(Enumerable.Range(0, 18).Select(_ => (char)('0' + random.Next(10))));
        var remainder = 0;
        foreach (var c in bban + "131400")
            remainder = (remainder * 10 + (c - '0')) % 97;
        var iban = $"DE{98 - remainder:00}{bban}";
        return random.Next(2) == 0 ? iban : string.Join(' ', iban.Chunk(4).Select(c => new string(c)));
    }

    /// <summary>The card number and IBAN in free text, touching letters, punctuation or nothing.</summary>
    private static string Around(Random random, string pan, string iban) => random.Next(4) switch
    {
        0 => $"Paid with card {pan}; refund to {iban}.",
        1 => $"card{pan}/IBAN{iban}",
        2 => $"{pan} {iban}",
        _ => $"\"{pan}\",\"{iban}\" (ref {random.Next(1000, 9999)})",
    };
}
