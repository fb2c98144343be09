using Confluent.Kafka;
using Confluent.Kafka.Admin;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.IntegrationTests.Support;
using StreamFinance.Kafka.Hosting.Clients;
using StreamFinance.TestSupport.Kafka;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.IntegrationTests.Scenarios;

/// <summary>The admin client the streams get, on the embedded broker, which has no DeleteRecords.</summary>
public sealed class StreamAdminClientTests(EmbeddedKafkaStackFixture fixture) : IClassFixture<EmbeddedKafkaStackFixture>
{
    private readonly UniqueNames names = new();

    [Fact]
    public async Task A_purge_of_repartition_records_the_broker_does_not_support_purges_nothing_instead_of_failing()
    {
        var topic = names.For("repartition");
        await fixture.Stack.CreateTopicsAsync([(topic, 1)]);
        var config = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = names.For("app"), BootstrapServers = fixture.Stack.BootstrapServers };
        using var supplier = new StreamFinanceKafkaSupplier(config);
        var admin = supplier.GetAdmin(new AdminClientConfig { BootstrapServers = fixture.Stack.BootstrapServers });
        using var raw = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = fixture.Stack.BootstrapServers }).Build();
        TopicPartitionOffset[] purge = [new(topic, 0, 0)];

        // What Streamiz's close used to report as a failure: the broker has no such request.
        var refused = await Assert.ThrowsAsync<DeleteRecordsException>(() => raw.DeleteRecordsAsync(purge));
        Assert.All(refused.Results, r => Assert.Equal(ErrorCode.Local_UnsupportedFeature, r.Error.Code));

        Assert.Empty(await admin.DeleteRecordsAsync(purge));
        admin.Dispose();
        admin.Dispose();
    }
}
