using System.Text;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Connectors.Runtime;

/// <summary>
/// The audit facts of a connector: each source record it reads (<c>ingested</c>: origin file and line or endpoint and
/// record number, the raw bytes hashed and shown masked) and maps (<c>mapped</c>: the profile <c>name@version</c>, the
/// canonical record as payload). Dead letters are recorded by the dead-letter publisher that writes them.
/// </summary>
public static class ConnectorAudit
{
    /// <summary>The <c>ingested</c> and <c>mapped</c> facts of <paramref name="item"/>, whose canonical record is <paramref name="record"/>.</summary>
    public static IReadOnlyList<AuditFact> Of(IngestItem item, MappedRecord record)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(record);
        var origin = OriginOf(item);
        var envelope = EnvelopeAccess.Of(record.Value);
        var correlationId = envelope?.correlationId ?? record.Key;
        var detail = item.Position.Cursor is { } cursor ? new Dictionary<string, string> { ["cursor"] = cursor } : null;
        var ingested = new AuditFact(AuditSteps.Ingested, AuditOutcome.SUCCEEDED, correlationId, record.Key)
        {
            SourceTime = envelope?.eventTime,
            Origin = origin,
            RawPayload = item.Raw,
            // Masked by the profile's sensitive values before it leaves the connector (and by checksum again in the factory).
            RawSnapshot = item.Sensitive.Mask(Encoding.UTF8.GetString(item.Raw.Span)),
            Detail = detail,
        };
        var mapped = ingested with
        {
            Step = AuditSteps.Mapped,
            RawPayload = null,
            RawSnapshot = null,
            Payload = record.Value,
            Detail = new Dictionary<string, string>(detail ?? new Dictionary<string, string>())
            {
                ["profile"] = item.Profile ?? "none (the source writes the canonical model)",
                ["topic"] = item.Topic?.Name ?? "",
            },
        };
        return [ingested, mapped];
    }

    /// <summary>Where the item came from: its file (or endpoint) and line (or record number).</summary>
    public static DeadLetterOrigin OriginOf(IngestItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return DeadLetterOrigin.FromFile(item.Position.Location, Math.Max(1, item.Position.Line));
    }
}
