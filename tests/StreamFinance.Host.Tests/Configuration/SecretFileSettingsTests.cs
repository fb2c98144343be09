using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Microsoft.Extensions.Configuration;
using StreamFinance.Host.Tests.Support;
using StreamFinance.Kafka.Hosting;
using Streamiz.Kafka.Net;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Logging;
using StreamFinance.TestSupport.Files;

namespace StreamFinance.Host.Tests.Configuration;

/// <summary>Secrets given as files (<c>...File</c> settings), as Docker and Kubernetes mount them.</summary>
public sealed class SecretFileSettingsTests : IDisposable
{
    private readonly TempDirectory temp = new("secret-files");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_secret_file_becomes_its_setting_without_the_trailing_line_break_and_is_masked()
    {
        var password = Write("kafka-password", "sasl-from-file-Rk42\n");
        var userInfo = Write("registry-user-info", "registry:from-file-Tp19\r\n");

        var settings = Bind(("Kafka:SaslPasswordFile", password), ("SchemaRegistry:BasicAuthUserInfoFile", userInfo));

        Assert.Equal("sasl-from-file-Rk42", settings.Kafka.SaslPassword);
        Assert.Equal("registry:from-file-Tp19", settings.SchemaRegistry.BasicAuthUserInfo);
        var redactor = SecretRedactor.FromConfiguration(settings.Configuration);
        Assert.Equal("*** and *** and ***", redactor.Redact("sasl-from-file-Rk42 and registry:from-file-Tp19 and from-file-Tp19"));
        Assert.DoesNotContain("from-file", EffectiveSettings.Describe(settings));
    }

    [Fact]
    public void A_connector_secret_can_come_from_a_file_too()
    {
        var key = Write("concur-key", "concur-from-file-Wq70");

        var settings = Bind(
            ("Connectors:Concur:Kind", "RestPoll"), ("Connectors:Concur:Enabled", "false"), ("Connectors:Concur:Profile", "concur-expense-entries"),
            ("Connectors:Concur:Rest:BaseUrl", "https://concur.example/"), ("Connectors:Concur:Rest:Path", "v4/expenses"),
            ("Connectors:Concur:Rest:ApiKeyFile", key));

        Assert.Equal("concur-from-file-Wq70", settings.Connectors["Concur"].Rest!.ApiKey);
    }

    [Fact]
    public void Sasl_and_registry_credentials_from_files_reach_every_kind_of_client_the_product_opens()
    {
        var password = Write("kafka-password", "sasl-from-file-Hc30\n");
        var userInfo = Write("registry-user-info", "registry:from-file-Vn81\n");
        var settings = Bind(
            ("Kafka:BootstrapServers", "kafka-1:9093"), ("Kafka:SecurityProtocol", "SaslSsl"), ("Kafka:SaslMechanism", "ScramSha512"),
            ("Kafka:SaslUsername", "streamfinance"), ("Kafka:SaslPasswordFile", password),
            ("SchemaRegistry:Url", "https://registry:8081"), ("SchemaRegistry:BasicAuthUserInfoFile", userInfo));

        // Every client outside the stream threads is configured by KafkaOptions.ApplyTo; Streamiz builds its own from the stream configuration.
        var created = StreamConfigFactory.Create(new PassThroughTopology("secrets"), settings.Kafka, settings.Streams, settings.SchemaRegistry);
        IStreamConfig stream = created;
        var clients = new ClientConfig[]
        {
            settings.Kafka.ApplyTo(new ProducerConfig(), "p"), settings.Kafka.ApplyTo(new ConsumerConfig(), "c"), settings.Kafka.ApplyTo(new AdminClientConfig(), "a"),
            stream.ToProducerConfig(), stream.ToConsumerConfig(), stream.ToGlobalConsumerConfig("g"), stream.ToAdminConfig("a"),
        };
        Assert.All(clients, client =>
        {
            Assert.Equal(SecurityProtocol.SaslSsl, client.SecurityProtocol);
            Assert.Equal(SaslMechanism.ScramSha512, client.SaslMechanism);
            Assert.Equal("streamfinance", client.SaslUsername);
            Assert.Equal("sasl-from-file-Hc30", client.SaslPassword);
        });
        var registry = settings.SchemaRegistry.ToClientConfig();
        Assert.Equal((AuthCredentialsSource.UserInfo, "registry:from-file-Vn81"), (registry.BasicAuthCredentialsSource!.Value, registry.BasicAuthUserInfo));
        Assert.Equal("registry:from-file-Vn81", created.BasicAuthUserInfo);
    }

    [Fact]
    public void Without_a_sasl_protocol_no_client_is_given_the_sasl_password()
    {
        var settings = Bind(("Kafka:SaslUsername", "streamfinance"), ("Kafka:SaslPassword", "unused-Gf12"));

        IStreamConfig stream = StreamConfigFactory.Create(new PassThroughTopology("secrets"), settings.Kafka, settings.Streams, settings.SchemaRegistry);

        Assert.Null(settings.Kafka.ApplyTo(new ProducerConfig(), "p").SaslPassword);
        Assert.Null(stream.ToProducerConfig().SaslPassword);
    }

    [Fact]
    public void A_secret_given_twice_a_missing_file_and_an_empty_file_are_all_refused_naming_setting_and_path_never_content()
    {
        var password = Write("kafka-password", "never-printed-Xa11");
        var empty = Write("empty", "\n");
        var missing = temp.Combine("no-such-file");

        var error = Assert.Throws<ConfigurationException>(() => Bind(
            ("Kafka:SaslPassword", "inline-Ud83"), ("Kafka:SaslPasswordFile", password),
            ("Kafka:SslKeyPasswordFile", missing), ("SchemaRegistry:BasicAuthUserInfoFile", empty)));

        Assert.Equal(
            [
                "Kafka:SaslPassword and Kafka:SaslPasswordFile are both set: give the secret or the file that holds it, not both.",
                $"Kafka:SslKeyPasswordFile: file '{missing}' does not exist.",
                $"SchemaRegistry:BasicAuthUserInfoFile: file '{empty}' is empty.",
            ],
            error.Problems);
        Assert.DoesNotContain("never-printed-Xa11", error.Message);
    }

    private string Write(string name, string content)
    {
        var path = temp.Combine(name);
        File.WriteAllText(path, content);
        return path;
    }

    private static StreamFinanceSettings Bind(params (string Key, string Value)[] values) =>
        StreamFinanceSettings.Bind(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)))
            .Build());
}
