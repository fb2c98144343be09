using StreamFinance.Contracts.Outputs;
using StreamFinance.Host.Runtime;
using StreamFinance.Kafka.Audit;
using StreamFinance.Topologies.Audit;

namespace StreamFinance.Host.Api.Audit;

/// <summary>The audit index of the running <c>audit-index</c> topology (its two stores, through interactive queries), read by <see cref="AuditIndexReader"/>.</summary>
public sealed class AuditIndexTrail(Func<TopologyService> topology) : IAuditTrail
{
    private readonly QueriedStore<AuditEvent> timelines = new(topology, AuditNames.TimelineStore, AuditNames.IndexTopology);
    private readonly QueriedStore<string> ids = new(topology, AuditNames.IdStore, AuditNames.IndexTopology);

    /// <inheritdoc />
    public AuditTimeline Trace(string id) => new AuditIndexReader(timelines.Store(), ids.Store()).Trace(id);
}
