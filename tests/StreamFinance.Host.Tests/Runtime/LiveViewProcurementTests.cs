using StreamFinance.Host.Runtime;

namespace StreamFinance.Host.Tests.Runtime;

/// <summary>The live view's procurement lines: commitments by kind with what stays committed, and the orders held now by reason, oldest first.</summary>
public class LiveViewProcurementTests
{
    [Fact]
    public void Commitments_are_counted_by_kind_and_holds_by_reason_with_the_oldest_listed()
    {
        var held = Enumerable.Range(1, LiveView.HoldsShown + 1)
            .Select(n => new HeldOrder($"PO-{n}", n == 1 ? "MISSING_REQUESTER" : "BUDGET_EXCEEDED", $"PO PO-{n} message")).ToList();
        var activity = new ProcurementActivity(
            new Dictionary<string, int> { ["REVERSE"] = 1, ["COMMIT"] = 12 }, new Dictionary<string, decimal> { ["USD"] = 180_000m, ["EUR"] = 4_250.5m }, held);

        var lines = LiveView.ProcurementLines(activity).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("  commitments on erp.commitments: 13 (COMMIT 12, REVERSE 1); committed now 4,250.50 EUR, 180,000.00 USD", lines[0]);
        Assert.Equal("  purchase orders held on p2p.po-held: 5 (BUDGET_EXCEEDED 4, MISSING_REQUESTER 1)", lines[1]);
        Assert.Equal(LiveView.HoldsShown, lines.Length - 2);
        Assert.Equal("    PO-1  MISSING_REQUESTER: PO PO-1 message", lines[2]);
        Assert.DoesNotContain(lines, l => l.Contains("PO-5", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_hold_message_is_cut_to_its_first_characters()
    {
        var message = new string('x', LiveView.HoldMessageShown + 40);
        var activity = new ProcurementActivity(new Dictionary<string, int>(), new Dictionary<string, decimal>(), [new HeldOrder("PO-1", "MISSING_REQUESTER", message)]);

        var line = LiveView.ProcurementLines(activity).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)[2];

        Assert.Equal("    PO-1  MISSING_REQUESTER: " + new string('x', LiveView.HoldMessageShown - 1) + "…", line);
    }

    [Fact]
    public void Before_anything_is_written_the_lines_say_so()
    {
        Assert.Equal(
            ["  commitments on erp.commitments: none yet", "  purchase orders held on p2p.po-held: none"],
            LiveView.ProcurementLines(ProcurementActivity.None).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
