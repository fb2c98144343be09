using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Stream;
using StreamFinance.Kafka;

namespace StreamFinance.Topologies.Tests.DeadLetters;

/// <summary>
/// A small topology using in-topology dead-letter routing: active cost centers pass to the output topic, inactive or
/// blocked ones are dead-lettered as INACTIVE_COST_CENTER, and a cost center named "explode" makes the step throw.
/// </summary>
internal static class CostCenterCheckTopology
{
    public const string InputTopic = "test.cost-centers";
    public const string OutputTopic = "test.active-cost-centers";
    public const string Processor = "cost-center.check";
    public const string ExplodingName = "explode";

    public static Topology Build(TopologyContext context, Topic<string, DeadLetter> deadLetters)
    {
        var builder = new StreamBuilder();
        var costCenters = context.SerDes.Avro<CostCenter>();
        builder.Stream(InputTopic, SerDesFactory.Key(), costCenters)
            .RouteFailures(Processor, costCenters, context.DeadLettersTo(new Declared(deadLetters)), Check)
            .To(OutputTopic, SerDesFactory.Key(), context.SerDes.Avro<CostCenter>(), "cost-center.active-sink");
        return builder.Build();
    }

    private static ProcessingOutcome<CostCenter> Check(string key, CostCenter costCenter)
    {
        if (costCenter.name == ExplodingName)
        {
            throw new InvalidOperationException($"Cost center {key} cannot be checked.");
        }

        return costCenter.status == CostCenterStatus.ACTIVE
            ? costCenter
            : new Failure(ReasonCode.InactiveCostCenter, $"Cost center {costCenter.costCenterId} is {costCenter.status}: reactivate it in the ERP, then replay.");
    }

    /// <summary>What the routing needs to know of the topology: its name (the audit component) and its dead-letter topic.</summary>
    private sealed class Declared(Topic<string, DeadLetter> deadLetters) : IStreamTopology
    {
        public string Name => "cost-center-check";

        public string Description => "Passes active cost centers; dead-letters the others (unit test).";

        public IReadOnlyList<TopicSpec> Inputs => [];

        public IReadOnlyList<TopicSpec> Outputs => [deadLetters, Topics.AuditEmitted];

        public Topic<string, DeadLetter> DeadLetterTopic => deadLetters;

        public void Build(StreamBuilder builder, TopologyContext context) => throw new NotSupportedException("Built by CostCenterCheckTopology.Build.");
    }
}
