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
}
