using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using Streamiz.Kafka.Net.Processors;

namespace StreamFinance.Topologies.MasterData;

/// <summary>The audit fact of an accepted master-data update: applied as a new version, or a re-delivery of a version already held. Refused updates are recorded where they are dead-lettered.</summary>
public static class MasterDataAudit
{
    /// <summary>The fact of <paramref name="change"/>, the update read at the record in hand keyed <c>TYPE:businessKey</c>.</summary>
    public static AuditFact Of(string key, HistoryChange change, IRecordContext record)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(record);
        var update = change.Update;
        var origin = record.Topic is null || record.Offset < 0 ? DeadLetterOrigin.Unknown : DeadLetterOrigin.FromTopic(record.Topic, record.Partition, record.Offset);
        return AuditFact.About(update.envelope, change.IsNewVersion ? AuditSteps.Applied : AuditSteps.Deduplicated, change.IsNewVersion ? AuditOutcome.SUCCEEDED : AuditOutcome.DUPLICATE_IGNORED, key) with
        {
            Reason = change.IsNewVersion ? null : "the object's history already holds this version",
            Origin = origin,
            Payload = update,
            Detail = new Dictionary<string, string>
            {
                ["sourceSystem"] = update.envelope.sourceSystem,
                ["operation"] = update.operation.ToString(),
                ["effectiveDate"] = update.effectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["latestChanged"] = change.LatestChanged ? "true" : "false",
            },
        };
    }
}
