using Microsoft.Extensions.Configuration;
using StreamFinance.Host.Logging;

namespace StreamFinance.Host.Tests.Logging;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("Kafka:SaslPassword")]
    [InlineData("Kafka:SslKeyPassword")]
    [InlineData("SchemaRegistry:BasicAuthUserInfo")]
    [InlineData("Connectors:Concur:ClientSecret")]
    [InlineData("Connectors:Coupa:ApiKey")]
    [InlineData("Connectors:Ramp:api_key")]
    [InlineData("Connectors:Brex:AccessToken")]
    public void Settings_named_like_secrets_are_secret(string key)
    {
        Assert.True(SecretRedactor.IsSecretSetting(key));
    }

    [Theory]
    [InlineData("Kafka:SaslUsername")]
    [InlineData("Kafka:BootstrapServers")]
    [InlineData("SchemaRegistry:Url")]
    [InlineData("Password:Policy")]
    public void Other_settings_are_not(string key)
    {
        Assert.False(SecretRedactor.IsSecretSetting(key));
    }

    [Fact]
    public void The_configured_secrets_are_masked_wherever_they_appear()
    {
        var redactor = SecretRedactor.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:SaslPassword"] = "kafka-pw-1",
            ["SchemaRegistry:BasicAuthUserInfo"] = "sr-user:sr-pw-2",
            ["Kafka:SaslUsername"] = "alice",
        }).Build());

        var text = redactor.Redact("sasl kafka-pw-1, auth sr-user:sr-pw-2, then sr-pw-2 alone, user alice");

        Assert.Equal("sasl ***, auth ***, then *** alone, user alice", text);
    }

    [Fact]
    public void A_secret_inside_a_longer_secret_does_not_leave_part_of_the_longer_one()
    {
        var redactor = new SecretRedactor(["abc", "xxabcxx"]);

        Assert.Equal("[***]", redactor.Redact("[xxabcxx]"));
    }

    [Fact]
    public void Empty_settings_mask_nothing()
    {
        var redactor = SecretRedactor.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:SaslPassword"] = "",
            ["Kafka:SslKeyPassword"] = "  ",
        }).Build());

        Assert.True(redactor.IsEmpty);
        Assert.Equal("a  b", redactor.Redact("a  b"));
    }

    [Fact]
    public void Credentials_in_a_url_setting_are_masked_as_user_info_and_as_the_password_alone()
    {
        var redactor = SecretRedactor.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SchemaRegistry:Url"] = "http://sr-user:sr-pw-3@registry:8081",
            ["Connectors:Ramp:Rest:BaseUrl"] = "https://rest-user:rest-pw-4@api.ramp.example/",
        }).Build());

        Assert.Equal("Schema Registry at http://***@registry:8081", redactor.Redact("Schema Registry at http://sr-user:sr-pw-3@registry:8081"));
        Assert.Equal("GET https://***@api.ramp.example/v1 failed", redactor.Redact("GET https://rest-user:rest-pw-4@api.ramp.example/v1 failed"));
        Assert.Equal("basic auth *** refused", redactor.Redact("basic auth rest-pw-4 refused"));
    }

    [Fact]
    public void A_user_name_alone_in_a_url_setting_is_masked_in_the_url_but_not_everywhere_else()
    {
        var redactor = SecretRedactor.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SchemaRegistry:Url"] = "http://admin@registry:8081",
        }).Build());

        Assert.Equal("http://***@registry:8081 for admin tasks", redactor.Redact("http://admin@registry:8081 for admin tasks"));
    }

    [Fact]
    public void Credentials_in_any_url_are_masked_even_when_no_setting_named_them()
    {
        var text = SecretRedactor.None.Redact("next page at https://someone:hunter22@vendor.example/page/2 (was http://***@host:1)");

        Assert.Equal("next page at https://***@vendor.example/page/2 (was http://***@host:1)", text);
        Assert.False(SecretRedactor.None.Reveals(text));
        Assert.True(SecretRedactor.None.Reveals("http://u:p@h"));
    }

    [Theory]
    [InlineData("http://host:8081/path?mail=a@b.example")]
    [InlineData("write to ops@finance.example")]
    [InlineData("http://host:8081#x@y")]
    public void Text_without_credentials_in_a_url_is_left_alone(string text)
    {
        Assert.Equal(text, SecretRedactor.None.Redact(text));
    }
}
