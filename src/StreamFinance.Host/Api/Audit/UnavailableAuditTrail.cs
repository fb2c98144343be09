using StreamFinance.Kafka.Audit;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Audit;

namespace StreamFinance.Host.Api.Audit;

/// <summary>The audit trail of an API whose process does not run the audit index: every request is a 503 that says so.</summary>
public sealed class UnavailableAuditTrail : IAuditTrail
{
    /// <summary>The one instance.</summary>
    public static UnavailableAuditTrail Instance { get; } = new();

    /// <inheritdoc />
    public AuditTimeline Trace(string id) =>
        throw new StoreUnavailableException(AuditNames.TimelineStore, AuditNames.IndexTopology, "not run by this process");
}
