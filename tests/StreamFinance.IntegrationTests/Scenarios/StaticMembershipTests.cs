using Confluent.Kafka;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.IntegrationTests.Support;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.Hosting.Clients;
using StreamFinance.TestSupport.Kafka;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.IntegrationTests.Scenarios;

/// <summary>
/// Stream threads join as static members on Kafka, so that a restarted instance takes its partitions back at once
/// instead of waiting out the session timeout of the member it replaces (restarts took 43–48 s before).
/// </summary>
public sealed class StaticMembershipTests(EmbeddedKafkaStackFixture fixture) : IClassFixture<EmbeddedKafkaStackFixture>
{
    private readonly UniqueNames names = new();

    [Fact]
    public void Each_stream_thread_consumer_joins_with_the_instance_id_plus_its_thread_client_id()
    {
        var config = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = names.For("app"), BootstrapServers = fixture.Stack.BootstrapServers };
        using var supplier = new StreamFinanceKafkaSupplier(config, instanceId: "host-a-1f2e3d4c");
        var first = new ConsumerConfig { BootstrapServers = fixture.Stack.BootstrapServers, GroupId = names.For("group"), ClientId = "expense-StreamThread-0" };
        var second = new ConsumerConfig { BootstrapServers = fixture.Stack.BootstrapServers, GroupId = first.GroupId, ClientId = "expense-StreamThread-1" };

        using (supplier.GetConsumer(first, null!))
        using (supplier.GetConsumer(second, null!))
        {
        }

        Assert.Equal("host-a-1f2e3d4c-expense-StreamThread-0", first.GroupInstanceId);
        Assert.Equal("host-a-1f2e3d4c-expense-StreamThread-1", second.GroupInstanceId);
    }

    [Fact]
    public void Without_static_membership_consumers_join_as_dynamic_members()
    {
        var config = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = names.For("app"), BootstrapServers = fixture.Stack.BootstrapServers };
        using var supplier = new StreamFinanceKafkaSupplier(config, new StreamsOptions { StaticMembership = false }.EffectiveInstanceId());
        var consumer = new ConsumerConfig { BootstrapServers = fixture.Stack.BootstrapServers, GroupId = names.For("group"), ClientId = "expense-StreamThread-0" };

        using (supplier.GetConsumer(consumer, null!))
        {
        }

        Assert.Null(consumer.GroupInstanceId);
    }

    [Fact]
    public void The_default_instance_id_stays_the_same_for_one_state_folder_and_differs_between_folders()
    {
        var one = new StreamsOptions { StateDir = "/var/lib/streamfinance/a" };
        var again = new StreamsOptions { StateDir = "/var/lib/streamfinance/a" };
        var other = new StreamsOptions { StateDir = "/var/lib/streamfinance/b" };

        Assert.Equal(one.EffectiveInstanceId(), again.EffectiveInstanceId());
        Assert.NotEqual(one.EffectiveInstanceId(), other.EffectiveInstanceId());
        Assert.Equal("pod-7", new StreamsOptions { InstanceId = "pod-7" }.EffectiveInstanceId());
    }
}
