using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using static StreamFinance.Topologies.Tests.Procurement.ProcurementWorld;

namespace StreamFinance.Topologies.Tests.Procurement;

/// <summary>
/// Budgets are never overspent and every order ends somewhere, whatever the interleaving: random orders (one or two
/// budget keys), revisions up and down, re-deliveries, cancellations, closes, malformed orders and budget raises on the
/// two shared keys CC-2010 (20,000.00 EUR) and CC-2020 (5,000.00 EUR), one second apart.
/// </summary>
[Properties(Arbitrary = [typeof(ProcurementScripts)], MaxTest = 25)]
public sealed class ProcurementPropertyTests
{
    private static readonly string[] Keys = ["CC-2010", "CC-2020"];

    [Property]
    public Property Committed_never_exceeds_the_budget_every_order_ends_committed_held_closed_or_dead_lettered_and_a_replay_commits_the_same(ProcurementScript script)
    {
        var problems = new List<string>();
        var first = Run(script, problems);
        var replay = Run(script, []);
        if (!first.SequenceEqual(replay))
            problems.Add($"the replay committed {string.Join(", ", replay)}, the first run {string.Join(", ", first)}");
        return (problems.Count == 0).Label(string.Join(Environment.NewLine, problems.Prepend(script.ToString())));
    }

    /// <summary>Runs the script, adding what breaks an invariant to <paramref name="problems"/>; the commitments written, as text.</summary>
    private static List<string> Run(ProcurementScript script, List<string> problems)
    {
        using var driver = new ProcurementDriver();
        var budgets = new Dictionary<string, decimal> { ["CC-2010"] = 20_000m, ["CC-2020"] = 5_000m };
        var written = new List<Commitment>();
        var deadLettered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in script.Steps)
        {
            driver.Clock.Advance(TimeSpan.FromSeconds(1));
            if (step.RaiseKey is { } raised)
            {
                budgets[raised] += step.Amount;
                driver.MasterDataChanges(Budget(raised, budgets[raised]));
            }
            else
                driver.Send(step.Order!);
            written.AddRange(driver.Commitments().Select(c => c.Value));
            deadLettered.UnionWith(driver.DeadLetters().Select(d => System.Text.Encoding.UTF8.GetString(d.rawKey)));
            foreach (var key in Keys)
                if (driver.Committed($"{key}/{Period}") > budgets[key])
                    problems.Add($"after {step}: {driver.Committed($"{key}/{Period}")} committed on {key}, budget {budgets[key]}");
        }

        var statuses = driver.StatusNow();
        var held = driver.HeldNow();
        foreach (var po in script.Steps.Where(s => s.Order is not null).Select(s => s.Order!.poNumber).Distinct())
        {
            var status = statuses.TryGetValue(po, out var update) ? update.status : (BusinessStatus?)null;
            if (status is null && !deadLettered.Contains(po))
                problems.Add($"{po} ended nowhere");
            if (status is not null && status is not (BusinessStatus.COMMITTED or BusinessStatus.HELD or BusinessStatus.CANCELLED or BusinessStatus.CLOSED))
                problems.Add($"{po} ended {status}");
            if ((status == BusinessStatus.HELD) != held.ContainsKey(po))
                problems.Add($"{po} is {status} but {(held.ContainsKey(po) ? "" : "not ")}on p2p.po-held");
        }
        // What the budget keys hold is what the last commitment of each order says.
        var open = written.GroupBy(c => c.poNumber).Sum(g => g.Last().functionalTotal!.ToDecimal());
        var reserved = Keys.Sum(k => driver.Committed($"{k}/{Period}"));
        if (open != reserved)
            problems.Add($"the last commitments total {open}, the budget keys hold {reserved}");
        return [.. written.Select(c => $"{c.commitmentId}:{c.kind}:{c.functionalTotal!.ToDecimal()}")];
    }
}

/// <summary>One step: an order record to send, or a raise of a budget key.</summary>
public sealed record ProcurementStep(PurchaseOrder? Order, string? RaiseKey, decimal Amount)
{
    public override string ToString() => Order is { } o
        ? $"{o.poNumber} r{o.revision} {o.status} {string.Join("+", o.lines.Select(l => $"{l.lineAmount.ToDecimal():0}@{l.costCenterId ?? o.costCenterId}"))}{(o.total.ToDecimal() != o.lines.Sum(l => l.lineAmount.ToDecimal()) ? " malformed" : "")}"
        : $"raise {RaiseKey} by {Amount:0}";
}

/// <summary>A sequence of steps.</summary>
public sealed record ProcurementScript(IReadOnlyList<ProcurementStep> Steps)
{
    public override string ToString() => string.Join(" | ", Steps);
}

public static class ProcurementScripts
{
    public static Arbitrary<ProcurementScript> Scripts() =>
        (from count in Gen.Choose(3, 14)
         from steps in Gen.ListOf(Step, count)
         select new ProcurementScript(steps)).ToArbitrary();

    private static Gen<ProcurementStep> Step =>
        Gen.Frequency(
            (6, Approved),
            (1, from po in Gen.Choose(1, 4) select new ProcurementStep(Order($"P-{po}", status: PurchaseOrderStatus.CANCELLED), null, 0m)),
            (1, from po in Gen.Choose(1, 4) select new ProcurementStep(Order($"P-{po}", status: PurchaseOrderStatus.CLOSED), null, 0m)),
            (2, from key in Gen.Elements("CC-2010", "CC-2020") from thousands in Gen.Choose(1, 8) select new ProcurementStep(null, key, thousands * 1_000m)));

    private static Gen<ProcurementStep> Approved =>
        from po in Gen.Choose(1, 4)
        from revision in Gen.Choose(0, 3)
        from onFirst in Gen.Choose(0, 24)
        from onSecond in Gen.Choose(0, 8)
        from malformed in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new ProcurementStep(Approve($"P-{po}", revision, onFirst * 500m, onSecond * 500m, malformed), null, 0m);

    private static PurchaseOrder Approve(string po, int revision, decimal onFirst, decimal onSecond, bool malformed)
    {
        var lines = new List<PurchaseOrderLine>();
        if (onFirst > 0 || onSecond == 0)
            lines.Add(Line(1, Math.Max(onFirst, 100m)));
        if (onSecond > 0)
            lines.Add(Line(2, onSecond, costCenter: "CC-2020"));
        var order = Order(po, revision: revision, lines: lines);
        if (malformed)
            order.total = (order.total.ToDecimal() + 1m).ToMoney("EUR");
        return order;
    }
}
