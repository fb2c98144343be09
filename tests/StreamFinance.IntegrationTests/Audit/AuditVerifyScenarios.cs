using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Host.Cli;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Kafka.Configuration;
using StreamFinance.TestSupport.Audit;

namespace StreamFinance.IntegrationTests.Audit;

/// <summary>
/// <c>audit verify</c> on a real topic: <c>audit.events</c> written as the chainer writes it, except that one event was
/// edited and another deleted on the way (as someone with write access to the topic could); the command names both
/// with their partition and offset and exits 4, and the intact trail passes with exit 0.
/// </summary>
public abstract class AuditVerifyScenarios(KafkaStackFixture fixture)
{
    private static readonly DateTime At = new(2026, 4, 10, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Verify_names_an_edited_and_a_deleted_event_with_their_offsets_and_exits_4()
    {
        var stack = fixture.Stack;
        var ct = TestContext.Current.CancellationToken;
        await stack.CreateTopicsAsync([(Topics.AuditEvents.Name, Topics.AuditEvents.Partitions)]);
        var correlation = $"c-{Guid.NewGuid():N}";
        var partition = AuditPartitioning.Of(correlation, Topics.AuditEvents.Partitions);
        var chain = AuditChains.Of(correlation, "EXP-1", At, Enumerable.Repeat(AuditSteps.Approved, 5).ToList());

        // Offset 0..4 of the partition would be sequences 1..5: sequence 2 is edited, sequence 4 never arrives (deleted).
        chain[1].reason = "approved by hand";
        await WriteAsync(stack, partition, chain.Where((_, i) => i != 3), ct);

        var (code, output) = await VerifyAsync(stack, ct);

        Assert.Equal(ExitCodes.AuditProblems, code);
        Assert.Contains($"{partition}/1 EDITED {correlation}: sequence 2", output, StringComparison.Ordinal);
        Assert.Contains($"{partition}/3 GAP {correlation}: sequence 5 follows sequence 3 (at {partition}/2): sequence 4 is missing", output, StringComparison.Ordinal);
        Assert.Contains("2 problem(s)", output, StringComparison.Ordinal);
    }

    private static async Task WriteAsync(IKafkaStack stack, int partition, IEnumerable<AuditEvent> events, CancellationToken ct)
    {
        var serDes = SerDesFactory.FromOptions(new SchemaRegistryOptions { Url = stack.SchemaRegistryUrl });
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = stack.BootstrapServers, EnableIdempotence = true }).Build();
        foreach (var audit in events)
        {
            var value = serDes.Avro<AuditEvent>().Serialize(audit, new SerializationContext(MessageComponentType.Value, Topics.AuditEvents.Name));
            await producer.ProduceAsync(new TopicPartition(Topics.AuditEvents.Name, partition), new Message<string, byte[]> { Key = audit.correlationId, Value = value }, ct);
        }
    }

    private static async Task<(int Code, string Output)> VerifyAsync(IKafkaStack stack, CancellationToken ct)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await StreamFinanceCli.RunAsync(
            ["audit", "verify", "--bootstrap-servers", stack.BootstrapServers, "--schema-registry", stack.SchemaRegistryUrl], output, error, ct);
        return (code, output.ToString() + error);
    }
}
