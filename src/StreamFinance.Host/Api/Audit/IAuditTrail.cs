using StreamFinance.Kafka.Audit;

namespace StreamFinance.Host.Api.Audit;

/// <summary>Where <c>GET /v1/audit/{id}</c> finds a timeline.</summary>
public interface IAuditTrail
{
    /// <summary>The timeline of <paramref name="id"/>; empty when no event names it.</summary>
    /// <exception cref="StreamFinance.Rules.Lookups.StoreUnavailableException">The index cannot be read now (503).</exception>
    AuditTimeline Trace(string id);
}
