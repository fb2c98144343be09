using Confluent.Kafka;
using Confluent.Kafka.Admin;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Host.Provisioning;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.IntegrationTests.Scenarios;

/// <summary>
/// What <c>streamfinance topics apply</c> does, written once for every stack: creates the whole catalog plus every
/// topology's internal topics, is idempotent, and registers each value schema under <c>&lt;topic&gt;-value</c>.
/// </summary>
public abstract class TopicProvisioningScenarios(KafkaStackFixture fixture)
{
    [Fact(Timeout = 180_000)]
    public async Task Topics_apply_creates_the_catalog_and_internal_topics_then_finds_them_unchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        var stack = fixture.Stack;
        var required = RequiredTopics.For(new StreamsOptions(), TopologyCatalog.All, new SerDesFactory(new InMemorySchemaRegistryClient()));

        var first = await stack.Provisioner.ApplyAsync(required, ct);
        var second = await stack.Provisioner.ApplyAsync(required, ct);

        Assert.All(first, o => Assert.True(o.Action == ProvisionAction.Created, $"{o.Topic.Name}: {o.Action} {o.Detail}"));
        Assert.All(second, o => Assert.True(o.Action == ProvisionAction.Unchanged, $"{o.Topic.Name}: {o.Action} {o.Detail}"));
        Assert.Equal(required.Select(r => r.Name), first.Select(o => o.Topic.Name));
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = stack.BootstrapServers }).Build();
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(30));
        Assert.All(required, r => Assert.Equal(r.Partitions, metadata.Topics.Single(t => t.Topic == r.Name).Partitions.Count));
        if (stack.Kind == "containers")
        {
            // Real Kafka keeps the configs: the compacted tables and the long-lived dead letters are as declared.
            var configs = await admin.DescribeConfigsAsync(
                [new ConfigResource { Type = ResourceType.Topic, Name = Topics.CostCenters.Name }, new ConfigResource { Type = ResourceType.Topic, Name = Topics.ExpenseDeadLetters.Name }]);
            Assert.Equal("compact", configs[0].Entries["cleanup.policy"].Value);
            Assert.Equal(((long)TimeSpan.FromDays(90).TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture), configs[1].Entries["retention.ms"].Value);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Topics_apply_registers_every_value_schema_under_its_topic_subject()
    {
        var ct = TestContext.Current.CancellationToken;
        var registry = SchemaRegistryClients.For(fixture.Stack.SchemaRegistryUrl);
        var output = new StringWriter();

        var ok = await SchemaRegistration.RegisterAllAsync(registry, Topics.All, output, ct);
        var again = await SchemaRegistration.RegisterAllAsync(registry, Topics.All, output, ct);

        Assert.True(ok && again, output.ToString());
        var subjects = await registry.GetAllSubjectsAsync();
        Assert.All(Topics.All, t => Assert.Contains(t.ValueSubject, subjects));
    }
}

/// <summary>Topic provisioning on the embedded broker (mock API).</summary>
public sealed class EmbeddedTopicProvisioningScenarios(EmbeddedKafkaStackFixture fixture)
    : TopicProvisioningScenarios(fixture), IClassFixture<EmbeddedKafkaStackFixture>;

/// <summary>Topic provisioning on Apache Kafka through the Admin API; Skipped without Docker.</summary>
public sealed class ContainerTopicProvisioningScenarios(ContainerKafkaStackFixture fixture)
    : TopicProvisioningScenarios(fixture), IClassFixture<ContainerKafkaStackFixture>;
