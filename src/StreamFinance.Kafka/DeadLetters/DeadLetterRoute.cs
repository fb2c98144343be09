using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// Where a topology's in-topology dead letters go, how they are built and where they are counted: the dead-letter
/// topic, its value SerDes, the factory and the metrics. Get one from <see cref="TopologyContext.DeadLettersTo"/>.
/// </summary>
/// <param name="Topic">The dead-letter topic, usually the topology's <see cref="IStreamTopology.DeadLetterTopic"/>.</param>
/// <param name="ValueSerDes">SerDes of <see cref="DeadLetter"/> values (Avro).</param>
/// <param name="Factory">Builds the dead letters (and holds the clock).</param>
/// <param name="Metrics">Counts the dead letters written (<see cref="Observability.BusinessMetrics.DeadLetters"/>).</param>
/// <param name="Audit">Where each dead letter is recorded in the audit trail, in the same transaction (<see cref="DeadLetterSink"/>).</param>
public sealed record DeadLetterRoute(Topic<string, DeadLetter> Topic, ISerDes<DeadLetter> ValueSerDes, DeadLetterFactory Factory, DeadLetterMetrics Metrics, Audit.AuditRoute Audit);
