using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Expenses;
using StreamFinance.Topologies.Expenses;
using static StreamFinance.Topologies.Tests.Expenses.ExpenseWorld;

namespace StreamFinance.Topologies.Tests.Expenses;

/// <summary>
/// One posting per card purchase, in any arrival order: random purchases (coded card and report line, uncoded card and
/// report line, a lone coded card, a lone report line, a lone uncoded card), with re-deliveries, sent in a random order
/// with the report-line wait passing at random points, under either precedence.
/// </summary>
[Properties(Arbitrary = [typeof(PurchaseWorlds)], MaxTest = 40)]
public sealed class CardPurchasePropertyTests
{
    [Property]
    public Property Each_purchase_posts_exactly_once_when_it_should_and_every_input_ends_approved_merged_held_or_dead_lettered(PurchaseWorld world)
    {
        using var driver = new ExpenseDriver(o => o.CardSpend.PostsOverReport["ramp"] = world.CardWins);
        foreach (var step in world.Steps)
        {
            if (step.Card is { } card)
                driver.Send(card);
            else if (step.Line is { } line)
                driver.Send(line);
            else
                driver.ReportLineWaitPasses();
        }
        driver.ReportLineWaitPasses();

        var approved = driver.Approved().GroupBy(a => CardPurchaseId.Parse(a.expense.cardTransactionId).TransactionId).ToDictionary(g => g.Key, g => g.Count());
        var deadLetters = driver.DeadLetters();
        var conflicts = deadLetters.Where(d => d.reasonCode == "CARD_EXPENSE_CONFLICT").Select(d => System.Text.Encoding.UTF8.GetString(d.rawKey)).ToList();
        var held = driver.HeldCards().ToHashSet();
        var metrics = driver.ExpenseMetrics;
        var problems = new List<string>();

        foreach (var purchase in world.Purchases)
        {
            var posted = approved.GetValueOrDefault(purchase.Id);
            var shouldPost = purchase.Kind != PurchaseKind.LoneUncodedCard;
            if (posted != (shouldPost ? 1 : 0))
                problems.Add($"{purchase}: approved {posted} times, expected {(shouldPost ? 1 : 0)}");
            var conflicted = conflicts.Count(c => c == purchase.Id);
            if (conflicted > 1 || (conflicted == 1 && (!purchase.Differ || purchase.Kind != PurchaseKind.CodedCardAndReportLine)))
                problems.Add($"{purchase}: {conflicted} conflicts");
            if (held.Contains(purchase.Id) != (purchase.Kind == PurchaseKind.LoneUncodedCard))
                problems.Add($"{purchase}: held {held.Contains(purchase.Id)}");
        }

        // Of each coded card and report line pair, the side that does not post is merged or in conflict; nothing else is.
        var pairs = world.Purchases.Count(p => p.Kind == PurchaseKind.CodedCardAndReportLine);
        var merged = metrics.Purchases(ExpenseMetrics.CardSide, ExpenseMetrics.Merged) + metrics.Purchases(ExpenseMetrics.ReportLineSide, ExpenseMetrics.Merged);
        if (merged + conflicts.Count != pairs)
            problems.Add($"{pairs} coded pairs but {merged} merged and {conflicts.Count} conflicts");
        if (deadLetters.Count != conflicts.Count)
            problems.Add($"unexpected dead letters: {string.Join(", ", deadLetters.Select(d => d.reasonCode))}");
        if (driver.WaitingCodedCards().Count != 0)
            problems.Add($"still waiting: {string.Join(", ", driver.WaitingCodedCards())}");
        return (problems.Count == 0).Label(string.Join(Environment.NewLine, problems));
    }
}

/// <summary>What a purchase consists of.</summary>
public enum PurchaseKind
{
    /// <summary>A fully coded card transaction and the report line naming it.</summary>
    CodedCardAndReportLine,

    /// <summary>An uncoded card transaction and the report line naming it.</summary>
    UncodedCardAndReportLine,

    /// <summary>A fully coded card transaction that no report line names.</summary>
    LoneCodedCard,

    /// <summary>A report line naming a card transaction that never arrives.</summary>
    LoneReportLine,

    /// <summary>An uncoded card transaction that no report line names.</summary>
    LoneUncodedCard,
}

/// <summary>One purchase: its card transaction id, kind, and whether its two sides disagree on amount or cost center.</summary>
public sealed record Purchase(string Id, PurchaseKind Kind, bool Differ, bool BareId)
{
    /// <summary>The records of this purchase, each once (re-deliveries are added by the world).</summary>
    public IEnumerable<Step> Records()
    {
        var line = ExpenseWorld.Expense($"EXP-{Id}", card: BareId ? Id : $"ramp:{Id}", amount: Differ ? 45m : 40m);
        switch (Kind)
        {
            case PurchaseKind.CodedCardAndReportLine:
                yield return new Step(CodedCard(Id), null);
                yield return new Step(null, line);
                break;
            case PurchaseKind.UncodedCardAndReportLine:
                yield return new Step(Card(Id), null);
                yield return new Step(null, line);
                break;
            case PurchaseKind.LoneCodedCard:
                yield return new Step(CodedCard(Id), null);
                break;
            case PurchaseKind.LoneReportLine:
                yield return new Step(null, line);
                break;
            case PurchaseKind.LoneUncodedCard:
                yield return new Step(Card(Id), null);
                break;
        }
    }

    public override string ToString() => $"{Id} {Kind}{(Differ ? " (values differ)" : "")}{(BareId ? " (bare id)" : "")}";
}

/// <summary>One step: send a card transaction, send a report line, or (both null) let the report-line wait pass.</summary>
public sealed record Step(CardTransaction? Card, ExpenseLine? Line)
{
    public override string ToString() => Card is not null ? $"card {Card.transactionId}{(Card.category is null ? "" : " coded")}" : Line is not null ? $"line {Line.expenseId}" : "wait passes";
}

/// <summary>Purchases, the order their records (and re-deliveries, and waits passing) arrive in, and the precedence.</summary>
public sealed record PurchaseWorld(IReadOnlyList<Purchase> Purchases, IReadOnlyList<Step> Steps, bool CardWins)
{
    public override string ToString() =>
        $"card wins {CardWins}; purchases [{string.Join("; ", Purchases)}]; steps [{string.Join(", ", Steps)}]";
}

public static class PurchaseWorlds
{
    public static Arbitrary<PurchaseWorld> Worlds() =>
        (from count in Gen.Choose(1, 5)
         from purchases in Gen.CollectToList(Enumerable.Range(1, count), PurchaseOf)
         from cardWins in Gen.Elements(false, true)
         from redeliveries in Gen.Choose(0, 3)
         from waits in Gen.Choose(0, 3)
         from keys in Gen.ArrayOf(Gen.Choose(0, 10_000), 40)
         select Arrange(purchases, cardWins, redeliveries, waits, keys)).ToArbitrary();

    private static Gen<Purchase> PurchaseOf(int index) =>
        from kind in Gen.Elements(Enum.GetValues<PurchaseKind>())
        from differ in Gen.Elements(false, true)
        from bare in Gen.Elements(false, true)
        select new Purchase($"P-{index}", kind, differ, bare);

    /// <summary>Every record once, <paramref name="redeliveries"/> of them again, <paramref name="waits"/> waits passing, shuffled by <paramref name="keys"/>.</summary>
    private static PurchaseWorld Arrange(IReadOnlyList<Purchase> purchases, bool cardWins, int redeliveries, int waits, int[] keys)
    {
        var records = purchases.SelectMany(p => p.Records()).ToList();
        var steps = records
            .Concat(Enumerable.Range(0, redeliveries).Select(i => records[keys[i] % records.Count]))
            .Concat(Enumerable.Range(0, waits).Select(_ => new Step(null, null)))
            .ToList();
        var shuffled = steps.Select((step, i) => (step, key: keys[(i + 7) % keys.Length] * 100 + i)).OrderBy(x => x.key).Select(x => x.step).ToList();
        return new PurchaseWorld(purchases, shuffled, cardWins);
    }
}
