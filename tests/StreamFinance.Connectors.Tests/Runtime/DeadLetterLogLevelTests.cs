using System.Text;
using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Tests.Support;

namespace StreamFinance.Connectors.Tests.Runtime;

public sealed class DeadLetterLogLevelTests
{
    private const string Csv = "id,employee,amount,currency\nEXP-1,E-1,10.00,USD\nEXP-2,E-2,ten,USD\n";

    [Fact]
    public async Task A_dead_lettered_record_of_a_real_source_is_logged_at_warning_by_default()
    {
        var logger = new RecordingLogger();

        await Ingest(logger, level: null);

        Assert.Equal([LogLevel.Warning], logger.LevelsOf("Connector files dead-lettered "));
    }

    [Fact]
    public async Task A_pipeline_set_to_debug_for_intentional_invalid_records_logs_its_dead_letters_at_debug()
    {
        var logger = new RecordingLogger();

        await Ingest(logger, LogLevel.Debug);

        Assert.Equal([LogLevel.Debug], logger.LevelsOf("Connector files dead-lettered "));
    }

    private static async Task Ingest(RecordingLogger logger, LogLevel? level)
    {
        var t = new TestConnector("files");
        var context = new ConnectorContext("files", t.Sink, t.DeadLetters, t.Offsets, logger);
        var pipeline = level is { } l ? new IngestPipeline(context) { DeadLetterLogLevel = l } : new IngestPipeline(context);
        var batch = new IngestBatch("expenses.csv", IngestItems.Read(new LineCsvFormat(), new ExpenseRowMapper(), Encoding.UTF8.GetBytes(Csv), "expenses.csv", DateTime.UtcNow));

        var result = await pipeline.IngestAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal(1, result.DeadLettered);
    }
}
