using System.Text.Json;
using StreamFinance.Host.Tests.Support;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.Host.Tests.Logging;

[Collection(PipelineCollection.Name)]
public sealed class SecretsNeverLoggedTests
{
    private static readonly Dictionary<string, string?> Secrets = new()
    {
        ["Kafka:SaslPassword"] = "kafka-sasl-Zq81",
        ["Kafka:SslKeyPassword"] = "ssl-key-Wv27",
        ["SchemaRegistry:BasicAuthUserInfo"] = "registry-user:registry-pw-Hx55",
        ["Connectors:Concur:Rest:ApiKey"] = "concur-key-Jm09",
        ["Connectors:Coupa:Webhook:Secret"] = "coupa-secret-Lt44-0123456789",
    };

    // The connectors the secrets belong to, declared but disabled: their settings are loaded, validated and masked all the same.
    private static readonly Dictionary<string, string?> DisabledConnectors = new()
    {
        ["Connectors:Concur:Kind"] = "RestPoll", ["Connectors:Concur:Enabled"] = "false", ["Connectors:Concur:Profile"] = "concur-expense-entries",
        ["Connectors:Concur:Rest:BaseUrl"] = "https://concur.example/", ["Connectors:Concur:Rest:Path"] = "v4/expenses",
        ["Connectors:Coupa:Kind"] = "Webhook", ["Connectors:Coupa:Enabled"] = "false", ["Connectors:Coupa:Profile"] = "coupa-purchase-orders",
    };

    [Theory]
    [InlineData("simple")]
    [InlineData("json")]
    public async Task No_secret_reaches_the_log_of_a_pipeline_start_including_streamiz_configuration_dump(string format)
    {
        var settings = new Dictionary<string, string?>(Secrets)
        {
            ["Logging:Format"] = format,
            // Streamiz logs its whole configuration at Information when a KafkaStream is created.
            ["Logging:LogLevel:Streamiz"] = "Information",
        };
        foreach (var (key, value) in DisabledConnectors)
            settings[key] = value;
        // A careless line as a connector might write it: every secret value in one message.
        var careless = "credentials " + string.Join(" ", Secrets.Values);

        await using (var pipeline = await RunningPipeline.StartAsync(settings, careless))
        {
            await pipeline.WaitUntilReadyAsync();
            await pipeline.ProduceExpensesAsync(1);
            await Wait.UntilAsync("the topology's careless log line", TimeSpan.FromSeconds(30), () => pipeline.Log.Text.Contains(PassThroughTopology.LogMessage, StringComparison.Ordinal));
            Assert.Equal(0, await pipeline.StopAsync());
            var log = pipeline.Log.Text;

            Assert.Contains("Effective settings", log);
            Assert.Contains("SaslPassword=***", log);
            Assert.Contains("Start creation of the stream application", log);
            Assert.Contains("Upstream refused the request: credentials ***", log);
            Assert.Contains("corr-e0", log);
            foreach (var (key, secret) in Secrets)
                Assert.False(log.Contains(secret!, StringComparison.Ordinal), $"{key} ({secret}) was logged");
            Assert.DoesNotContain("registry-pw-Hx55", pipeline.Output.ToString());
            if (format == "json")
                Assert.All(pipeline.Log.Lines, line => JsonDocument.Parse(line).Dispose());
        }
    }
}
