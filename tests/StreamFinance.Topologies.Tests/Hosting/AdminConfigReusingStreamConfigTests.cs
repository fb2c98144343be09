using Confluent.Kafka;
using StreamFinance.Kafka.Hosting;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Topologies.Tests.Hosting;

public sealed class AdminConfigReusingStreamConfigTests
{
    private static AdminConfigReusingStreamConfig<StringSerDes, StringSerDes> Config() => new()
    {
        ApplicationId = "admin-config-test",
        BootstrapServers = "broker-1:9092,broker-2:9092",
        SecurityProtocol = SecurityProtocol.SaslSsl,
        SaslMechanism = SaslMechanism.ScramSha512,
        SaslUsername = "streamfinance",
        SaslPassword = "secret",
        TopicMetadataRefreshIntervalMs = 120_000,
    };

    [Fact]
    public void Through_the_interface_Streamiz_uses_it_gives_the_same_settings_as_Streamiz_builds()
    {
        var config = Config();
        var built = new Dictionary<string, string>(config.ToAdminConfig("admin-1"));

        var reused = ((IStreamConfig)config).ToAdminConfig("admin-1");

        Assert.Equal(built.OrderBy(s => s.Key), reused.OrderBy(s => s.Key));
        Assert.Equal("admin-1", reused.ClientId);
        Assert.Equal("broker-1:9092,broker-2:9092", reused.BootstrapServers);
        Assert.Equal("secret", reused.SaslPassword);
        Assert.Equal(120_000, reused.TopicMetadataRefreshIntervalMs);
    }

    [Fact]
    public void Each_call_gets_its_own_copy_so_changing_one_changes_nothing_else()
    {
        IStreamConfig config = Config();
        var first = config.ToAdminConfig("admin-1");
        first.BootstrapServers = "elsewhere:9092";
        first.ClientId = "changed";

        var second = config.ToAdminConfig("admin-1");

        Assert.Equal("broker-1:9092,broker-2:9092", second.BootstrapServers);
        Assert.Equal("admin-1", second.ClientId);
    }

    [Fact]
    public void Each_client_id_keeps_its_own_settings()
    {
        IStreamConfig config = Config();

        Assert.Equal("admin-1", config.ToAdminConfig("admin-1").ClientId);
        Assert.Equal("admin-2", config.ToAdminConfig("admin-2").ClientId);
        Assert.Equal("admin-1", config.ToAdminConfig("admin-1").ClientId);
    }

    [Fact]
    public void Settings_are_built_once_at_first_use_like_the_clients_KafkaStream_builds_then()
    {
        var config = Config();
        IStreamConfig streamiz = config;
        _ = streamiz.ToAdminConfig("admin-1");

        config.BootstrapServers = "later:9092";

        Assert.Equal("broker-1:9092,broker-2:9092", streamiz.ToAdminConfig("admin-1").BootstrapServers);
        Assert.Equal("later:9092", streamiz.ToAdminConfig("admin-2").BootstrapServers);
    }
}
