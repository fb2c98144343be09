using System.Text;
using StreamFinance.Connectors.FileDrop;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Sources.X12;
using StreamFinance.Connectors.Tests.Support;

namespace StreamFinance.Connectors.Tests.FileDrop;

/// <summary>
/// An X12 file whose transaction sets can be read is never quarantined for what the sets hold: each bad set is a
/// record-level dead letter on dlq.ingest with its raw bytes, reason and origin file; quarantine is for files that
/// cannot be read at all.
/// </summary>
public class X12FileDropTests
{
    private const string Connector = "edi-850-files";

    /// <summary>The first 850 of the shipped sample alone in its interchange, with the currency <paramref name="currency"/> and SE01 <paramref name="se01"/>.</summary>
    private static (string File, string Set) OneSet(string currency = "USD", string se01 = "21")
    {
        var sample = File.ReadAllText(Path.Combine(ProfileSamples.SampleDirectory, "edi", "purchase-orders-850.x12"));
        var end = sample.IndexOf("SE*21*0001~", StringComparison.Ordinal) + "SE*21*0001~".Length;
        var head = sample[..end].Replace("CUR*BY*USD~", $"CUR*BY*{currency}~", StringComparison.Ordinal).Replace("SE*21*0001~", $"SE*{se01}*0001~", StringComparison.Ordinal);
        var set = head[head.IndexOf("ST*850*0001~", StringComparison.Ordinal)..];
        return (head + "\nGE*1*101~\nIEA*1*000000101~\n", set);
    }

    private static async Task<(TestConnector T, IReadOnlyList<IngestResult> Results)> Scan(TempInbox inbox, string name, string content)
    {
        var t = new TestConnector(Connector);
        inbox.Drop(name, content);
        var connector = new FileDropConnector(t.Context, new FileDropOptions { Inbox = inbox.Path, SettleMs = 0 }, ProfileSamples.Profile("edi-850-purchase-orders"), new X12Format());
        return (t, await connector.ScanOnceAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_file_whose_only_set_has_an_unknown_currency_is_a_record_level_dead_letter_not_a_quarantined_file()
    {
        using var inbox = new TempInbox();
        var (file, set) = OneSet(currency: "XXQ");

        var (t, results) = await Scan(inbox, "po-unknown-currency.x12", file);

        var result = Assert.Single(results);
        Assert.Equal((1L, 0L, 1L), (result.Read, result.Produced, result.DeadLettered));
        var (topic, letter, _, _) = Assert.Single(t.DeadLetters.Published);
        Assert.Equal(IngestPipeline.DeadLetterTopic.Name, topic);
        Assert.Equal("MAPPING_FAILED", letter.reasonCode);
        Assert.Contains("'XXQ' at ^CUR02 is not a known ISO 4217 currency code", letter.message);
        Assert.Equal(("po-unknown-currency.x12", 3L), (letter.originFile, (long)letter.originLine!));
        Assert.Equal(set, Encoding.UTF8.GetString(letter.rawValue));
        Assert.Equal("edi-850-purchase-orders@3", letter.mappingProfile);
        Assert.Equal(1d, t.Context.Metrics.RecordsOf(Connector, ConnectorMetrics.DeadLettered));
        Assert.Equal(1d, t.Context.Metrics.RecordsOf(Connector, ConnectorMetrics.Read));
        Assert.True(File.Exists(Path.Combine(inbox.Processed, "po-unknown-currency.x12")));
        Assert.False(Directory.Exists(inbox.Quarantine));
    }

    [Fact]
    public async Task A_file_whose_only_set_is_malformed_dead_letters_that_set_as_parse_failed()
    {
        using var inbox = new TempInbox();
        var (file, set) = OneSet(se01: "19");

        var (t, results) = await Scan(inbox, "po-bad-count.x12", file);

        Assert.Equal(1L, Assert.Single(results).DeadLettered);
        var letter = Assert.Single(t.DeadLetters.Published).DeadLetter;
        Assert.Equal("PARSE_FAILED", letter.reasonCode);
        Assert.Contains("SE01 says '19' segments", letter.message);
        Assert.Equal(set, Encoding.UTF8.GetString(letter.rawValue));
        Assert.False(Directory.Exists(inbox.Quarantine));
    }

    [Theory]
    [InlineData("garbage.x12", "this is not EDI at all, just text\n", "not inside an X12 interchange")]
    [InlineData("no-isa.x12", "GS*PO*A*B*20261121*0930*101*X*005010~\nST*850*0001~\nSE*2*0001~\nGE*1*101~\n", "expected an ISA segment")]
    [InlineData("broken-isa.x12", "ISA*00*short~\nGS*PO*A*B*20261121*0930*101*X*005010~\n", "ISA")]
    public async Task A_file_that_cannot_be_read_as_x12_at_all_is_still_quarantined_with_a_reason(string name, string content, string reasonMentions)
    {
        using var inbox = new TempInbox();

        var (t, results) = await Scan(inbox, name, content);

        Assert.Empty(results);
        Assert.Empty(t.DeadLetters.Published);
        Assert.True(File.Exists(Path.Combine(inbox.Quarantine, name)));
        Assert.Contains(reasonMentions, File.ReadAllText(Path.Combine(inbox.Quarantine, name + ".reason.txt")));
    }
}
