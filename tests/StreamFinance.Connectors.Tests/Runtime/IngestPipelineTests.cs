using System.Text;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Tests.Runtime;

public class IngestPipelineTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 5, 0, 0, DateTimeKind.Utc);

    private static IngestBatch Batch(string csv, string source = "expenses.csv") =>
        new(source, IngestItems.Read(new LineCsvFormat(), new ExpenseRowMapper(), Encoding.UTF8.GetBytes(csv), source, Now));

    [Fact]
    public async Task Read_equals_produced_plus_dead_lettered_with_bad_rows_in_the_batch()
    {
        var t = new TestConnector("files");
        var csv = TestConnector.Csv(20, i => i % 5 == 0 ? "12,x" : "10.00").Replace("EXP-7,E-0,10.00,USD", "EXP-7,E-0,abc,USD");

        var result = await new IngestPipeline(t.Context).IngestAsync(Batch(csv), TestContext.Current.CancellationToken);

        Assert.Equal(20, result.Read);
        Assert.Equal(15, result.Produced);
        Assert.Equal(5, result.DeadLettered);
        Assert.True(result.IsBalanced);
        Assert.Equal(15, t.Sink.Sent.Count);
        Assert.All(t.Sink.Sent, s => Assert.Equal(Topics.Expenses.Name, s.Topic));
    }

    [Fact]
    public async Task A_dead_letter_keeps_raw_bytes_position_profile_and_reason()
    {
        var t = new TestConnector("files");
        var csv = "id,employee,amount,currency\nEXP-1,E-1,10.00,USD\nEXP-2,E-2,ten,USD\nEXP-3,E-3\n";

        await new IngestPipeline(t.Context).IngestAsync(Batch(csv), TestContext.Current.CancellationToken);

        var letters = t.DeadLetters.Published.ToList();
        Assert.All(letters, l => Assert.Equal(Topics.IngestDeadLetters.Name, l.Topic));
        var unmappable = letters.Single(l => l.DeadLetter.originLine == 3).DeadLetter;
        Assert.Equal(ReasonCode.MappingFailed.Code, unmappable.reasonCode);
        Assert.Equal("EXP-2,E-2,ten,USD", Encoding.UTF8.GetString(unmappable.rawValue));
        Assert.Equal("expenses.csv", unmappable.originFile);
        Assert.Equal("test-expenses@1", unmappable.mappingProfile);
        Assert.Equal("connector.files", unmappable.processor);
        Assert.Contains("amount", unmappable.message);
        var unparseable = letters.Single(l => l.DeadLetter.originLine == 4).DeadLetter;
        Assert.Equal(ReasonCode.ParseFailed.Code, unparseable.reasonCode);
        Assert.Equal("EXP-3,E-3", Encoding.UTF8.GetString(unparseable.rawValue));
        Assert.Contains("columns", unparseable.message);
    }

    [Fact]
    public async Task Offsets_are_committed_only_up_to_the_last_record_before_a_withheld_acknowledgement()
    {
        // The broker never answers the 4th record: lines 2..4 are records 1..3, so line 5 (record 4) holds the position back.
        var t = new TestConnector("files", new RecordingSink { Withhold = n => n == 4 });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var pipeline = new IngestPipeline(t.Context) { DrainTimeout = TimeSpan.FromMilliseconds(300) };
        var batch = Batch(TestConnector.Csv(10)) with { CommitEveryRecords = 2 };

        var ingest = pipeline.IngestAsync(batch, cts.Token);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(ingest.IsCompleted, "the batch must wait for the withheld acknowledgement");
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ingest);

        Assert.Equal(10, t.Sink.Sent.Count);
        Assert.All(t.Offsets.Commits, c => Assert.True(c.line <= 4, $"committed line {c.line} passes the unacknowledged line 5"));
        Assert.Equal(4, t.Offsets.Latest("files", "expenses.csv")!.line);
        Assert.False(t.Offsets.Latest("files", "expenses.csv")!.completed);
    }

    [Fact]
    public async Task A_record_Kafka_refuses_is_dead_lettered_as_production_failed_and_the_batch_completes()
    {
        var t = new TestConnector("files", new RecordingSink { Refuse = key => key == "EXP-3" });

        var result = await new IngestPipeline(t.Context).IngestAsync(Batch(TestConnector.Csv(5)) with { CompletesSource = true }, TestContext.Current.CancellationToken);

        Assert.Equal((5L, 4L, 1L), (result.Read, result.Produced, result.DeadLettered));
        var letter = Assert.Single(t.DeadLetters.Published).DeadLetter;
        Assert.Equal(ReasonCode.ProductionFailed.Code, letter.reasonCode);
        Assert.Equal("test-vendor:EXP-3:1", letter.idempotencyKey);
        Assert.Equal("EXP-3", Encoding.UTF8.GetString(letter.rawKey));
        var final = t.Offsets.Latest("files", "expenses.csv")!;
        Assert.True(final.completed);
        Assert.Equal(6, final.line);
        Assert.Equal(5, final.recordsCommitted);
    }

    [Fact]
    public async Task A_resumed_batch_skips_committed_lines_and_does_not_count_them_as_read()
    {
        var t = new TestConnector("files");

        var result = await new IngestPipeline(t.Context).IngestAsync(Batch(TestConnector.Csv(10)) with { ResumeAfterLine = 6 }, TestContext.Current.CancellationToken);

        Assert.Equal((5L, 5L, 5L), (result.Skipped, result.Read, result.Produced));
        Assert.Equal(["EXP-6", "EXP-7", "EXP-8", "EXP-9", "EXP-10"], t.Sink.Sent.Select(s => s.Key));
    }
}
