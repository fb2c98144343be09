using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.IntegrationTests.Support;
using StreamFinance.TestSupport.Kafka;
using StreamFinance.Topologies;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using StreamFinance.Kafka;

namespace StreamFinance.IntegrationTests.DeadLetters;

/// <summary>
/// A small Avro topology with its own topics: active cost centers pass to the output topic, other ones are
/// dead-lettered inside the topology as INACTIVE_COST_CENTER. Every name carries the test's unique suffix.
/// </summary>
public sealed class DeadLetterProbeTopology(UniqueNames names) : IStreamTopology
{
    /// <summary>Name of the checking step (and of the dead letters it writes).</summary>
    public const string CheckProcessor = "probe.check";

    /// <inheritdoc />
    public string Name { get; } = names.For("dead-letter-probe");

    /// <inheritdoc />
    public string Description => "Passes active cost centers; dead-letters the others (integration test).";

    /// <summary>Cost centers in.</summary>
    public Topic<string, CostCenter> Input { get; } = TestTopic<CostCenter>(names.For("probe.cost-centers"));

    /// <summary>Active cost centers out.</summary>
    public Topic<string, CostCenter> Output { get; } = TestTopic<CostCenter>(names.For("probe.active-cost-centers"));

    /// <inheritdoc />
    public Topic<string, DeadLetter> DeadLetterTopic { get; } = TestTopic<DeadLetter>(names.For("probe.dlq"));

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Inputs => [Input];

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Outputs => [Output, DeadLetterTopic, Topics.AuditEmitted];

    /// <inheritdoc />
    public void Build(StreamBuilder builder, TopologyContext context)
    {
        var costCenters = context.SerDes.Avro<CostCenter>();
        builder.Stream(Input.Name, SerDesFactory.Key(), costCenters)
            .RouteFailures(CheckProcessor, costCenters, context.DeadLettersTo(this), Check)
            .To(Output.Name, SerDesFactory.Key(), context.SerDes.Avro<CostCenter>(), "probe.active-sink");
    }

    /// <summary>A cost center for the probe; <paramref name="name"/> sets its size.</summary>
    public static CostCenter CostCenter(string id, CostCenterStatus status = CostCenterStatus.ACTIVE, string name = "Marketing DE") => new()
    {
        envelope = new Envelope
        {
            eventId = Guid.NewGuid(),
            correlationId = $"corr-{id}",
            sourceSystem = "sap-s4",
            sourceId = id,
            eventTime = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            ingestTime = new DateTime(2025, 3, 1, 0, 0, 1, DateTimeKind.Utc),
            idempotencyKey = $"sap-s4:{id}:1",
        },
        costCenterId = id,
        name = name,
        legalEntityId = "DE01",
        status = status,
        validFrom = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        ownerEmployeeId = "emp-1",
        effectiveFrom = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    private static ProcessingOutcome<CostCenter> Check(string key, CostCenter costCenter) =>
        costCenter.status == CostCenterStatus.ACTIVE
            ? costCenter
            : new Failure(ReasonCode.InactiveCostCenter, $"Cost center {key} is {costCenter.status}: reactivate it, then replay.");

    private static Topic<string, T> TestTopic<T>(string name) => new()
    {
        Name = name,
        Partitions = 1,
        Cleanup = CleanupPolicy.Delete,
        KeyDescription = "cost center id",
        Description = "Dead-letter integration test topic.",
    };
}
