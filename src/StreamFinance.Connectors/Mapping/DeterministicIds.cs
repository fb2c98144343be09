using System.Security.Cryptography;
using System.Text;

namespace StreamFinance.Connectors.Mapping;

/// <summary>
/// Ids the mapping engine derives from a record's identity, so that mapping the same source record twice gives the same
/// canonical record (apart from <c>ingestTime</c>).
/// <list type="bullet">
/// <item><see cref="IdempotencyKey"/>: <c>{sourceSystem}:{target topic}:{sourceId}</c>, e.g. <c>concur:ingest.expenses:1A2B</c>.
/// The topic is part of the key because one source record may feed several canonical topics.</item>
/// <item><see cref="EventId"/>: a name-based UUID (RFC 4122 version 5, SHA-1) of the idempotency key in a StreamFinance namespace.</item>
/// </list>
/// </summary>
public static class DeterministicIds
{
    private static readonly Guid Namespace = new("6f1c6e2a-2d1b-5b7e-9d8e-5f0a1c2b3d4e");

    /// <summary>The idempotency key of a mapped record.</summary>
    public static string IdempotencyKey(string sourceSystem, string topic, string sourceId) => $"{sourceSystem}:{topic}:{sourceId}";

    /// <summary>The event id derived from <paramref name="idempotencyKey"/> (UUID version 5).</summary>
    public static Guid EventId(string idempotencyKey)
    {
        var name = Encoding.UTF8.GetBytes(idempotencyKey);
        var input = new byte[16 + name.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
