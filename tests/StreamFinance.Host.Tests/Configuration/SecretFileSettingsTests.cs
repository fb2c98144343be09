using Microsoft.Extensions.Configuration;
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
