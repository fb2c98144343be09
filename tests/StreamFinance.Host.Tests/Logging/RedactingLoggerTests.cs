using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Logging;
using StreamFinance.Host.Tests.Support;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Host.Tests.Logging;

public sealed class RedactingLoggerTests
{
    private const string Secret = "s3cr3t-Pa55";

    [Theory]
    [InlineData("simple")]
    [InlineData("json")]
    public void A_secret_in_a_message_argument_is_masked(string format)
    {
        var log = Log(format, logger => logger.LogWarning("Login failed with {Credential} for {User}", Secret, "alice"));

        Assert.DoesNotContain(Secret, log.Text);
        Assert.Contains("Login failed with *** for alice", log.Text);
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("json")]
    public void A_secret_in_a_scope_is_masked_and_the_scope_kept(string format)
    {
        var log = Log(format, logger =>
        {
            using (logger.BeginScope("request with token {Token}", Secret))
                logger.LogInformation("Called the vendor");
        });

        Assert.DoesNotContain(Secret, log.Text);
        Assert.Contains("request with token ***", log.Text);
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("json")]
    public void A_secret_in_an_exception_is_masked_with_the_exception_type_kept(string format)
    {
        var log = Log(format, logger =>
        {
            try
            {
                throw new InvalidOperationException($"Authentication failed for password {Secret}");
            }
            catch (InvalidOperationException e)
            {
                logger.LogError(e, "Vendor call failed");
            }
        });

        Assert.DoesNotContain(Secret, log.Text);
        Assert.Contains("System.InvalidOperationException: Authentication failed for password ***", log.Text);
    }

    [Fact]
    public void An_entry_without_secrets_keeps_its_structured_properties_as_they_are()
    {
        var log = Log("json", logger => logger.LogInformation("Posted {Count} lines for {Entity}", 42, "DE01"));

        var state = JsonDocument.Parse(log.Lines.Single()).RootElement.GetProperty("State");
        Assert.Equal(42, state.GetProperty("Count").GetInt32());
        Assert.Equal("Posted {Count} lines for {Entity}", state.GetProperty("{OriginalFormat}").GetString());
    }

    [Fact]
    public void A_masked_json_entry_writes_no_secret_in_any_property()
    {
        var log = Log("json", logger => logger.LogWarning("Login failed with {Credential}", Secret));

        var state = JsonDocument.Parse(log.Lines.Single()).RootElement.GetProperty("State");
        Assert.Equal("***", state.GetProperty("Credential").GetString());
        Assert.Equal("Login failed with ***", state.GetProperty("{OriginalFormat}").GetString());
    }

    [Theory]
    [InlineData("simple", "=> correlation_id=corr-9 topic=ingest.expenses partition=2 offset=77")]
    [InlineData("json", "\"CorrelationId\":\"corr-9\"")]
    public void Both_formats_write_the_record_scope_on_each_line_about_the_record(string format, string expected)
    {
        var log = Log(format, logger =>
        {
            using (logger.BeginRecordScope("corr-9", "ingest.expenses", 2, 77))
                logger.LogWarning("Expense has no receipt");
        });

        Assert.Contains(expected, log.Text);
    }

    // The logging of demo and run (PipelineLogging.Configure) with a Kafka:SaslPassword set, printing into a capture.
    private static LogCapture Log(string format, Action<ILogger> write)
    {
        var settings = StreamFinanceSettings.Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:SaslPassword"] = Secret,
            ["Logging:Format"] = format,
        }).Build());
        var capture = new LogCapture(format);
        var services = new ServiceCollection();
        services.AddLogging(logging => PipelineLogging.Configure(logging, settings, quiet: false, capture.AddTo));
        using (var provider = services.BuildServiceProvider())
            write(provider.GetRequiredService<ILoggerFactory>().CreateLogger("StreamFinance.Tests"));
        return capture;
    }
}
