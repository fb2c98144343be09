using StreamFinance.Connectors.FileDrop;
using StreamFinance.Connectors.Tests.Support;
using StreamFinance.TestSupport.DeadLetters;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.Connectors.Tests.FileDrop;

public class FileDropConnectorTests
{
    private static FileDropConnector Connector(TestConnector t, TempInbox inbox) =>
        new(t.Context, new FileDropOptions { Inbox = inbox.Path, SettleMs = 500 }, new ExpenseRowMapper(), new LineCsvFormat());

    [Fact]
    public async Task A_file_is_ingested_once_and_moved_to_processed_with_read_equal_to_produced_plus_dead_lettered()
    {
        using var inbox = new TempInbox();
        var t = new TestConnector("concur-files");
        inbox.Drop("expenses-1.csv", TestConnector.Csv(30, i => i == 17 ? "n/a" : "9.99"));
        var connector = Connector(t, inbox);

        var first = await connector.ScanOnceAsync(TestContext.Current.CancellationToken);
        var second = await connector.ScanOnceAsync(TestContext.Current.CancellationToken);

        var result = Assert.Single(first);
        Assert.Empty(second);
        Assert.Equal((30L, 29L, 1L), (result.Read, result.Produced, result.DeadLettered));
        Assert.True(File.Exists(Path.Combine(inbox.Processed, "expenses-1.csv")));
        Assert.False(File.Exists(Path.Combine(inbox.Path, "expenses-1.csv")));
        Assert.True(t.Offsets.Latest("concur-files", "expenses-1.csv")!.completed);
    }

    [Fact]
    public async Task Partial_and_still_growing_files_are_left_alone()
    {
        using var inbox = new TempInbox();
        var t = new TestConnector("concur-files");
        inbox.Drop("upload.csv.part", TestConnector.Csv(3));
        inbox.Drop("upload2.tmp", TestConnector.Csv(3));
        File.WriteAllText(Path.Combine(inbox.Path, "growing.csv"), TestConnector.Csv(3)); // written just now

        var results = await Connector(t, inbox).ScanOnceAsync(TestContext.Current.CancellationToken);

        Assert.Empty(results);
        Assert.Empty(t.Sink.Sent);
        Assert.Equal(3, Directory.GetFiles(inbox.Path).Length);
    }

    [Theory]
    [InlineData("empty.csv", "", "empty")]
    [InlineData("expenses.xml", "id,employee,amount,currency\nEXP-1,E-1,1.00,USD\n", "extension")]
    [InlineData("no-header.csv", "EXP-1;E-1;1.00\nEXP-2;E-2;2.00\n", "No record")]
    public async Task A_file_that_cannot_be_read_as_a_whole_goes_to_quarantine_with_a_reason_file(string name, string content, string reasonMentions)
    {
        using var inbox = new TempInbox();
        var t = new TestConnector("concur-files");
        inbox.Drop(name, content);

        await Connector(t, inbox).ScanOnceAsync(TestContext.Current.CancellationToken);

        Assert.True(File.Exists(Path.Combine(inbox.Quarantine, name)));
        Assert.Contains(reasonMentions, File.ReadAllText(Path.Combine(inbox.Quarantine, name + ".reason.txt")));
        Assert.Empty(t.Sink.Sent);
        Assert.Equal(1, t.Context.Health.Errors);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_goes_to_quarantine()
    {
        using var inbox = new TempInbox();
        var t = new TestConnector("concur-files");
        var file = Path.Combine(inbox.Path, "latin1.csv");
        File.WriteAllBytes(file, [.. "id,employee,amount,currency\nEXP-1,M"u8, 0xFC, .. "ller,1.00,EUR\n"u8]);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-1));

        await Connector(t, inbox).ScanOnceAsync(TestContext.Current.CancellationToken);

        Assert.Contains("not UTF-8", File.ReadAllText(Path.Combine(inbox.Quarantine, "latin1.csv.reason.txt")));
    }

    [Fact]
    public async Task A_connector_killed_mid_file_loses_nothing_and_re_sends_only_with_the_same_idempotency_keys()
    {
        using var inbox = new TempInbox();
        inbox.Drop("big.csv", TestConnector.Csv(500, i => i % 50 == 0 ? "bad" : "5.00"));
        var offsets = new InMemoryOffsetStore();
        var deadLetters = new RecordingDeadLetterPublisher();

        // First life: the broker stops answering after 180 records, then the process dies (no clean drain).
        var crashing = new TestConnector("concur-files", new RecordingSink { Withhold = n => n > 180 }, offsets, deadLetters);
        using (var kill = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            var connector = new FileDropConnector(crashing.Context, new FileDropOptions { Inbox = inbox.Path, SettleMs = 0 }, new ExpenseRowMapper(), new LineCsvFormat());
            var scan = connector.ScanOnceAsync(kill.Token);
            await Wait.UntilAsync("400 records sent before the crash", TimeSpan.FromSeconds(10), () => crashing.Sink.Sent.Count >= 400, TimeSpan.FromMilliseconds(10));
            kill.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scan);
        }

        Assert.True(File.Exists(Path.Combine(inbox.Path, "big.csv")), "an unfinished file stays in the inbox");
        var committed = offsets.Latest("concur-files", "big.csv")!;
        Assert.InRange(committed.line, 2, 190);

        // Second life: a new connector over the same offsets and inbox.
        var restarted = new TestConnector("concur-files", new RecordingSink(), offsets, deadLetters);
        var results = await new FileDropConnector(restarted.Context, new FileDropOptions { Inbox = inbox.Path, SettleMs = 0 }, new ExpenseRowMapper(), new LineCsvFormat())
            .ScanOnceAsync(TestContext.Current.CancellationToken);

        var firstLife = crashing.Sink.Sent.ToList();
        var secondLife = restarted.Sink.Sent.ToList();
        var expected = Enumerable.Range(1, 500).Where(i => i % 50 != 0).Select(i => $"EXP-{i}").ToHashSet();
        Assert.Equal(expected, firstLife.Concat(secondLife).Select(s => s.Key).ToHashSet());
        Assert.Equal(10, deadLetters.Published.Select(d => d.DeadLetter.originLine).Distinct().Count());
        var firstKeys = firstLife.ToDictionary(s => s.Key, s => s.IdempotencyKey);
        Assert.All(secondLife.Where(s => firstKeys.ContainsKey(s.Key)), s => Assert.Equal(firstKeys[s.Key], s.IdempotencyKey));
        Assert.DoesNotContain(secondLife, s => int.Parse(s.Key[4..]) + 1 <= committed.line);
        Assert.Equal(500 - (committed.line - 1), Assert.Single(results).Read);
        Assert.True(File.Exists(Path.Combine(inbox.Processed, "big.csv")));
        Assert.True(offsets.Latest("concur-files", "big.csv")!.completed);
    }
}
