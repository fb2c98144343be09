using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Mock;
using Streamiz.Kafka.Net.SerDes;
using StreamFinance.Kafka;

namespace StreamFinance.Topologies.Tests.DeadLetters;

public sealed class RouteFailuresTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private readonly TopologyContext context = new(new SerDesFactory(new InMemorySchemaRegistryClient()), new FakeTimeProvider(Noon));
    private readonly StreamFinance.Contracts.Catalog.Topic<string, DeadLetter> deadLetterTopic = TestDeadLetterTopics.Unique();
    private readonly TopologyTestDriver driver;
    private readonly TestInputTopic<string, CostCenter> input;
    private readonly TestOutputTopic<string, CostCenter> output;
    private readonly TestOutputTopic<string, DeadLetter> deadLetters;

    public RouteFailuresTests()
    {
        var config = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = "dead-letter-routing-test" };
        driver = new TopologyTestDriver(CostCenterCheckTopology.Build(context, deadLetterTopic), config);
        input = driver.CreateInputTopic(CostCenterCheckTopology.InputTopic, SerDesFactory.Key(), context.SerDes.Avro<CostCenter>());
        output = driver.CreateOutputTopic(CostCenterCheckTopology.OutputTopic, TimeSpan.FromSeconds(1), SerDesFactory.Key(), context.SerDes.Avro<CostCenter>());
        deadLetters = driver.CreateOutputTopic(deadLetterTopic.Name, TimeSpan.FromSeconds(1), SerDesFactory.Key(), context.SerDes.Avro<DeadLetter>());
    }

    [Fact]
    public void Valid_records_pass_and_an_invalid_one_reaches_the_dead_letter_topic_with_reason_owner_origin_and_correlation_id()
    {
        input.PipeInput("DE01-4100", TestCostCenters.Create("DE01-4100"));
        input.PipeInput("DE01-4200", TestCostCenters.Create("DE01-4200", CostCenterStatus.INACTIVE), TestHeaders.Of(("streamfinance.correlation-id", "corr-4200")));
        input.PipeInput("DE01-4300", TestCostCenters.Create("DE01-4300"));

        Assert.Equal(["DE01-4100", "DE01-4300"], output.ReadKeyValueList().Select(r => r.Message.Key));
        var record = Assert.Single(deadLetters.ReadKeyValueList());
        var deadLetter = record.Message.Value;
        Assert.Equal("DE01-4200", record.Message.Key);
        Assert.Equal("INACTIVE_COST_CENTER", deadLetter.reasonCode);
        Assert.Equal(OwnerRole.FINANCE_OPS, deadLetter.ownerRole);
        Assert.Equal("Cost center DE01-4200 is INACTIVE: reactivate it in the ERP, then replay.", deadLetter.message);
        Assert.Equal((CostCenterCheckTopology.InputTopic, 0, 1L), (deadLetter.originTopic, deadLetter.originPartition!.Value, deadLetter.originOffset!.Value));
        Assert.Equal("corr-4200", deadLetter.correlationId);
        Assert.Equal(CostCenterCheckTopology.Processor, deadLetter.processor);
        Assert.Equal("BusinessRule", deadLetter.exceptionType);
        Assert.Equal(Noon.UtcDateTime, deadLetter.failedAt);
    }

    [Fact]
    public void The_dead_letter_keeps_the_key_and_value_bytes_that_deserialize_to_the_failed_record()
    {
        input.PipeInput("DE01-4200", TestCostCenters.Create("DE01-4200", CostCenterStatus.BLOCKED, name: "Sales FR"));

        var deadLetter = deadLetters.ReadValue();

        Assert.Equal(Encoding.UTF8.GetBytes("DE01-4200"), deadLetter.rawKey);
        var original = context.SerDes.Avro<CostCenter>().Deserialize(
            deadLetter.rawValue, new SerializationContext(MessageComponentType.Value, CostCenterCheckTopology.InputTopic));
        Assert.Equal(("DE01-4200", "Sales FR", CostCenterStatus.BLOCKED), (original.costCenterId, original.name, original.status));
    }

    [Fact]
    public void The_dead_letter_record_carries_the_original_headers_and_the_streams_errors_headers()
    {
        input.PipeInput("DE01-4100", TestCostCenters.Create("DE01-4100"));
        input.PipeInput("DE01-4200", TestCostCenters.Create("DE01-4200", CostCenterStatus.INACTIVE),
            TestHeaders.Of(("streamfinance.correlation-id", "corr-4200"), ("streamfinance.source-system", "sap-s4")));

        var headers = deadLetters.ReadKeyValue().Message.Headers;

        Assert.Equal("corr-4200", DeadLetterHeaders.Read(headers, "streamfinance.correlation-id"));
        Assert.Equal("sap-s4", DeadLetterHeaders.Read(headers, "streamfinance.source-system"));
        Assert.Equal(CostCenterCheckTopology.InputTopic, DeadLetterHeaders.Read(headers, DeadLetterHeaders.Topic));
        Assert.Equal("0", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Partition));
        Assert.Equal("1", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Offset));
        Assert.Equal("INACTIVE_COST_CENTER", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Reason));
        Assert.Equal("FINANCE_OPS", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Owner));
        Assert.Equal(CostCenterCheckTopology.Processor, DeadLetterHeaders.Read(headers, DeadLetterHeaders.Processor));
    }

    [Fact]
    public void A_step_that_throws_dead_letters_the_record_as_processing_failed_and_the_next_record_still_passes()
    {
        input.PipeInput("DE01-4100", TestCostCenters.Create("DE01-4100", name: CostCenterCheckTopology.ExplodingName));
        input.PipeInput("DE01-4300", TestCostCenters.Create("DE01-4300"));

        var deadLetter = deadLetters.ReadValue();
        Assert.Equal("PROCESSING_FAILED", deadLetter.reasonCode);
        Assert.Equal(OwnerRole.INTEGRATION_SUPPORT, deadLetter.ownerRole);
        Assert.Equal("System.InvalidOperationException", deadLetter.exceptionType);
        Assert.Equal("Cost center DE01-4100 cannot be checked.", deadLetter.exceptionMessage);
        Assert.Contains($"{CostCenterCheckTopology.InputTopic}/0/0", deadLetter.message);
        Assert.Equal(["DE01-4300"], output.ReadKeyValueList().Select(r => r.Message.Key));
    }

    [Fact]
    public void Every_in_topology_dead_letter_is_counted_by_topic_reason_and_owner()
    {
        input.PipeInput("DE01-4200", TestCostCenters.Create("DE01-4200", CostCenterStatus.INACTIVE));
        input.PipeInput("DE01-4100", TestCostCenters.Create("DE01-4100"));
        input.PipeInput("DE01-4400", TestCostCenters.Create("DE01-4400", CostCenterStatus.BLOCKED));

        Assert.Equal(2, context.BusinessMetrics.DeadLetters.Count(deadLetterTopic.Name, ReasonCode.InactiveCostCenter));
        Assert.Equal(0, context.BusinessMetrics.DeadLetters.Count(deadLetterTopic.Name, ReasonCode.ProcessingFailed));
    }

    [Fact]
    public void The_routing_processors_have_stable_names()
    {
        var description = CostCenterCheckTopology.Build(context, deadLetterTopic).Describe().ToString();

        Assert.All(
            ["cost-center.check", "cost-center.check.outcome", "cost-center.check.dead-letters", "cost-center.check.dead-letters.count",
             "cost-center.check.dead-letters.sink", "cost-center.check.ok"],
            name => Assert.Contains($"{name} ", description));
    }

    public void Dispose() => driver.Dispose();
}
