using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Observability;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Kafka.Audit;

/// <summary>
/// Where a topology's audit events go and how they are made: <c>audit.emitted</c>, its value SerDes, the factory of
/// the topology's component and the topology's metrics. Get one from <see cref="TopologyContext.AuditFor"/>.
/// </summary>
/// <param name="Topic">The unchained audit topic (<see cref="Topics.AuditEmitted"/>).</param>
/// <param name="ValueSerDes">SerDes of <see cref="AuditEvent"/> values (Avro).</param>
/// <param name="Factory">Makes the events (component, version, clock).</param>
/// <param name="Metrics">The topology's records-produced metrics.</param>
public sealed record AuditRoute(Topic<string, AuditEvent> Topic, ISerDes<AuditEvent> ValueSerDes, AuditEventFactory Factory, TopologyMetrics Metrics);
