using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Tests.Support;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.Connectors.Tests.Generator;

public sealed class GeneratorLoggingTests
{
    [Fact]
    public async Task The_generator_logs_its_ticks_at_debug_and_a_summary_at_information_once_a_minute_without_a_committed_line()
    {
        var logger = new RecordingLogger();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero));
        var t = new TestConnector("generator");
        var context = new ConnectorContext("generator", t.Sink, t.DeadLetters, t.Offsets, logger, clock);
        var generator = new GeneratorConnector(context, new GeneratorConnectorOptions { RecordsPerSecond = 100, WriteMasterData = false });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var run = generator.RunAsync(stop.Token);
        await Wait.UntilAsync("the generator to send 50 records", TimeSpan.FromSeconds(10), () => t.Sink.Sent.Count >= 50, TimeSpan.FromMilliseconds(20));
        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Information); // many ticks, no summary yet
        clock.Advance(TimeSpan.FromSeconds(61));
        await Wait.UntilAsync("the generator's 61 s summary", TimeSpan.FromSeconds(10),
            () => logger.Entries.Any(e => e.Level == LogLevel.Information && e.Message.StartsWith("Generator generator in the last 61 s:", StringComparison.Ordinal)), TimeSpan.FromMilliseconds(20));
        await stop.CancelAsync();
        await run;

        Assert.All(logger.LevelsOf("Connector generator ingested transactions"), level => Assert.Equal(LogLevel.Debug, level));
        Assert.DoesNotContain(logger.Entries, e => e.Message.Contains("committed line 0", StringComparison.Ordinal));
        var summary = Assert.Single(logger.Entries, e => e.Level == LogLevel.Information);
        Assert.Matches(@"^Generator generator in the last 61 s: read \d+ = produced \d+ \+ dead-lettered \d+; \d+ records since start$", summary.Message);
    }

    [Fact]
    public void An_ingest_result_names_its_committed_line_only_when_a_line_was_committed()
    {
        Assert.Equal("webhook: read 1 = produced 1 + dead-lettered 0 (skipped 0)", new IngestResult("webhook", 1, 1, 0, 0, 0).ToString());
        Assert.Equal("a.csv: read 9 = produced 8 + dead-lettered 1 (skipped 0, committed line 10)", new IngestResult("a.csv", 9, 8, 1, 0, 10).ToString());
    }
}
