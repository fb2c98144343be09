using StreamFinance.Contracts;

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
    /// <summary>The idempotency key of a mapped record.</summary>
    public static string IdempotencyKey(string sourceSystem, string topic, string sourceId) => $"{sourceSystem}:{topic}:{sourceId}";

    /// <summary>The event id derived from <paramref name="idempotencyKey"/> (UUID version 5).</summary>
    public static Guid EventId(string idempotencyKey) => DeterministicUuid.From(idempotencyKey);
}
