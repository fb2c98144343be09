using System.Text;
using Confluent.Kafka;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.IntegrationTests.Support;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.TestSupport.Kafka;

namespace StreamFinance.IntegrationTests.DeadLetters;

/// <summary>
/// Dead-letter routing of a real Streamiz stream, written once and run against every <see cref="IKafkaStack"/>: poison
/// records go to the topology's dead-letter topic with their bytes, origin and error headers, and the stream keeps
/// running. Each test has its own topics, application id and state directory.
/// </summary>
public abstract class DeadLetterScenarios(KafkaStackFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Bytes some producer wrote with a JSON serializer instead of Confluent Avro.</summary>
    private static readonly byte[] NotAvro = Encoding.UTF8.GetBytes("{\"costCenterId\":\"CC-BAD\",\"status\":\"ACTIVE\"}");

    private readonly UniqueNames names = new();

    [Fact]
    public async Task A_corrupt_record_is_dead_lettered_with_its_exact_bytes_and_the_records_after_it_are_processed()
    {
        await using var probe = await DeadLetterProbe.CreateAsync(fixture.Stack, names);
        await probe.ProduceAsync("CC-A", probe.Avro(DeadLetterProbeTopology.CostCenter("CC-A")));
        await probe.ProduceAsync("CC-BAD", NotAvro, Headers(("streamfinance.correlation-id", "corr-bad")));
        await probe.ProduceAsync("CC-B", probe.Avro(DeadLetterProbeTopology.CostCenter("CC-B")));

        await probe.StartAsync();

        Assert.Equal(["CC-A", "CC-B"], probe.WaitForOutput("CC-B", Patience));
        // The handler waited for the dead letter's acknowledgement before the stream went on to CC-B, so it is there by now.
        var (deadLetter, record) = Assert.Single(probe.DeadLetters());
        Assert.Equal("CC-BAD", Encoding.UTF8.GetString(record.Message.Key));
        Assert.Equal(NotAvro, deadLetter.rawValue);
        Assert.Equal(Encoding.UTF8.GetBytes("CC-BAD"), deadLetter.rawKey);
        Assert.Equal("DESERIALIZATION_FAILED", deadLetter.reasonCode);
        Assert.Equal(OwnerRole.INTEGRATION_SUPPORT, deadLetter.ownerRole);
        Assert.Equal((probe.Topology.Input.Name, 0, 1L), (deadLetter.originTopic, deadLetter.originPartition!.Value, deadLetter.originOffset!.Value));
        Assert.Equal("corr-bad", deadLetter.correlationId);
        Assert.Equal($"{probe.Topology.Name}.deserialize", deadLetter.processor);

        var headers = record.Message.Headers;
        Assert.Equal("corr-bad", DeadLetterHeaders.Read(headers, "streamfinance.correlation-id"));
        Assert.Equal(probe.Topology.Input.Name, DeadLetterHeaders.Read(headers, DeadLetterHeaders.Topic));
        Assert.Equal("0", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Partition));
        Assert.Equal("1", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Offset));
        Assert.Equal(deadLetter.exceptionType, DeadLetterHeaders.Read(headers, DeadLetterHeaders.Exception));
        Assert.False(string.IsNullOrWhiteSpace(DeadLetterHeaders.Read(headers, DeadLetterHeaders.Message)));
        Assert.StartsWith(deadLetter.exceptionType, DeadLetterHeaders.Read(headers, DeadLetterHeaders.StackTrace));
        Assert.Equal("DESERIALIZATION_FAILED", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Reason));
        Assert.Equal("INTEGRATION_SUPPORT", DeadLetterHeaders.Read(headers, DeadLetterHeaders.Owner));

        Assert.Equal(1, probe.Metrics.DeadLetters.Count(probe.Topology.DeadLetterTopic.Name, ReasonCode.DeserializationFailed));
        Assert.Equal("RUNNING", probe.States[^1]);
    }

    [Fact]
    public async Task A_corrupt_record_of_nearly_1_mb_is_dead_lettered_within_the_size_limits_and_the_records_after_it_are_processed()
    {
        await using var probe = await DeadLetterProbe.CreateAsync(fixture.Stack, names);
        // Accepted by Kafka (under 1 MB with its header), but raw bytes, headers and messages together would not be as a dead letter.
        var huge = new byte[968_000];
        new Random(7).NextBytes(huge);
        huge[0] = 0xff;
        await probe.ProduceAsync("CC-A", probe.Avro(DeadLetterProbeTopology.CostCenter("CC-A")));
        await probe.ProduceAsync("CC-HUGE", huge, Headers(("vendor.trace", new string('t', 30_000))));
        await probe.ProduceAsync("CC-B", probe.Avro(DeadLetterProbeTopology.CostCenter("CC-B")));

        await probe.StartAsync();

        Assert.Equal(["CC-A", "CC-B"], probe.WaitForOutput("CC-B", Patience));
        var (deadLetter, record) = Assert.Single(probe.DeadLetters());
        Assert.Equal("DESERIALIZATION_FAILED", deadLetter.reasonCode);
        Assert.Equal(["rawValue", "headers"], deadLetter.truncated);
        Assert.Equal(huge[..DeadLetterLimits.MaxRawValueBytes], deadLetter.rawValue);
        Assert.Equal(huge.LongLength, deadLetter.rawValueLength);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(huge)), deadLetter.rawValueSha256);
        Assert.Equal((probe.Topology.Input.Name, 1L), (deadLetter.originTopic, deadLetter.originOffset!.Value));
        Assert.Equal(DeadLetterLimits.MaxHeaderValueBytes, DeadLetterHeaders.Read(record.Message.Headers, "vendor.trace")!.Length);
        Assert.Equal("RUNNING", probe.States[^1]);
    }

    [Fact]
    public async Task A_record_too_large_to_write_is_dead_lettered_and_the_records_after_it_are_written()
    {
        await using var probe = await DeadLetterProbe.CreateAsync(fixture.Stack, names);
        await probe.ProduceAsync("CC-A", probe.Avro(DeadLetterProbeTopology.CostCenter("CC-A")));
        await probe.ProduceAsync("CC-HUGE", probe.Avro(DeadLetterProbeTopology.CostCenter("CC-HUGE", name: new string('n', 6000))));
        await probe.ProduceAsync("CC-B", probe.Avro(DeadLetterProbeTopology.CostCenter("CC-B")));

        // The stream's producer refuses records over 4 KiB; the dead-letter publisher keeps the default 1 MB limit.
        await probe.StartAsync(config => config.AddConfig(config.ProducerPrefix("message.max.bytes"), 4096));

        Assert.Equal(["CC-A", "CC-B"], probe.WaitForOutput("CC-B", Patience));
        var (deadLetter, record) = Assert.Single(probe.DeadLetters());
        Assert.Equal("PRODUCTION_FAILED", deadLetter.reasonCode);
        Assert.Equal(OwnerRole.INTEGRATION_SUPPORT, deadLetter.ownerRole);
        Assert.Equal(probe.Topology.Output.Name, deadLetter.originTopic);
        Assert.Null(deadLetter.originOffset);
        Assert.Contains("MsgSizeTooLarge", deadLetter.message);
        Assert.Equal("CC-HUGE", Encoding.UTF8.GetString(record.Message.Key));
        var refused = probe.SerDes.Avro<CostCenter>().Deserialize(
            deadLetter.rawValue, new SerializationContext(MessageComponentType.Value, probe.Topology.Output.Name));
        Assert.Equal(("CC-HUGE", 6000), (refused.costCenterId, refused.name.Length));
        Assert.Equal("PRODUCTION_FAILED", DeadLetterHeaders.Read(record.Message.Headers, DeadLetterHeaders.Reason));

        Assert.Equal(1, probe.Metrics.DeadLetters.Count(probe.Topology.DeadLetterTopic.Name, ReasonCode.ProductionFailed));
        Assert.Equal("RUNNING", probe.States[^1]);
    }

    [Fact]
    public async Task A_business_failure_is_dead_lettered_inside_the_topology_with_the_error_headers()
    {
        await using var probe = await DeadLetterProbe.CreateAsync(fixture.Stack, names);
        await probe.ProduceAsync("CC-A", probe.Avro(DeadLetterProbeTopology.CostCenter("CC-A")));
        await probe.ProduceAsync("CC-OLD", probe.Avro(DeadLetterProbeTopology.CostCenter("CC-OLD", CostCenterStatus.INACTIVE)),
            Headers(("streamfinance.correlation-id", "corr-old")));
        await probe.ProduceAsync("CC-B", probe.Avro(DeadLetterProbeTopology.CostCenter("CC-B")));

        await probe.StartAsync();

        Assert.Equal(["CC-A", "CC-B"], probe.WaitForOutput("CC-B", Patience));
        var (deadLetter, record) = Assert.Single(probe.DeadLetters());
        Assert.Equal("INACTIVE_COST_CENTER", deadLetter.reasonCode);
        Assert.Equal(OwnerRole.FINANCE_OPS, deadLetter.ownerRole);
        Assert.Equal((probe.Topology.Input.Name, 0, 1L), (deadLetter.originTopic, deadLetter.originPartition!.Value, deadLetter.originOffset!.Value));
        Assert.Equal("corr-old", deadLetter.correlationId);
        Assert.Equal(DeadLetterProbeTopology.CheckProcessor, deadLetter.processor);
        Assert.Equal("CC-OLD", Encoding.UTF8.GetString(record.Message.Key));
        Assert.Equal("corr-old", DeadLetterHeaders.Read(record.Message.Headers, "streamfinance.correlation-id"));
        Assert.Equal("1", DeadLetterHeaders.Read(record.Message.Headers, DeadLetterHeaders.Offset));
        Assert.Equal("FINANCE_OPS", DeadLetterHeaders.Read(record.Message.Headers, DeadLetterHeaders.Owner));

        Assert.Equal(1, probe.Metrics.DeadLetters.Count(probe.Topology.DeadLetterTopic.Name, ReasonCode.InactiveCostCenter));
        Assert.Equal("RUNNING", probe.States[^1]);
    }

    private static Headers Headers(params (string Name, string Value)[] headers)
    {
        var result = new Headers();
        foreach (var (name, value) in headers)
        {
            result.Add(name, Encoding.UTF8.GetBytes(value));
        }

        return result;
    }
}
