using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Kafka.Audit;

/// <summary>
/// Deterministic audit event ids: a name-based UUID (version 8, RFC 9562) of the SHA-256 of component, origin, step,
/// outcome, business id, related ids and attempt. A re-delivery of the same record to the same component decides the
/// same way and repeats the same id, so readers (the chainer, verify, trace) take it once. Processing time, version and
/// payload do not enter the id.
/// </summary>
public static class AuditEventIds
{
    /// <summary>The id of the decision <paramref name="fact"/> by <paramref name="component"/>.</summary>
    public static Guid For(string component, AuditFact fact)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(fact);
        var text = new StringBuilder(160)
            .Append(component).Append('\n')
            .Append(Origin(fact.Origin)).Append('\n')
            .Append(fact.Step).Append('\n')
            .Append(fact.Outcome.ToString()).Append('\n')
            .Append(fact.BusinessId).Append('\n')
            .AppendJoin('\u001f', fact.RelatedIds).Append('\n')
            .Append(fact.Attempt.ToString(CultureInfo.InvariantCulture));
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: custom, name-based
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }

    private static string Origin(DeadLetterOrigin origin) => origin.ToString();
}
