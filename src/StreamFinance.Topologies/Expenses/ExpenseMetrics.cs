using Prometheus;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// The expense topology's business metrics, defined in the <see cref="BusinessMetrics"/> of its context (the host's
/// are served on <c>/metrics</c>):
/// <list type="bullet">
/// <item><c>streamfinance_expense_lines_total{outcome}</c>: expense lines by outcome <c>approved</c>,
/// <c>dead_lettered</c>, <c>duplicate</c> (a re-delivery dropped by the dedupe store), <c>held</c> (put to wait for
/// master data) and <c>released</c> (left the wait; then also counted as approved or dead_lettered). Lines waiting now:
/// held minus released, also served per instance as <c>streamfinance_records_held{hold="expense.md-waits"}</c>.</item>
/// <item><c>streamfinance_expense_card_charges_total{outcome}</c>: card transactions by outcome <c>held</c>,
/// <c>documented</c> (released by their expense line), <c>duplicate</c> or <c>undocumented</c> (dead-lettered at the horizon).</item>
/// <item><c>streamfinance_expense_card_purchases_total{side,outcome}</c>: approved sides of card purchases
/// (<c>side</c> <c>report_line</c> or <c>card</c>) by outcome <c>posted</c>, <c>merged</c> (the other side posts),
/// <c>waiting</c> (a coded card transaction waiting for its report line), <c>conflict</c> (dead-lettered as
/// <c>CARD_EXPENSE_CONFLICT</c>) or <c>duplicate</c>.</item>
/// <item><c>streamfinance_expense_card_charges_held</c>: card transactions currently held, per instance: uncoded charges
/// waiting for their expense line and coded ones waiting for their report line.</item>
/// </list>
/// </summary>
/// <remarks>Operational signals: a batch reprocessed after a crash is counted again.</remarks>
public sealed class ExpenseMetrics
{
    /// <summary>Outcome label of a line written to <c>expense.approved</c>.</summary>
    public const string Approved = "approved";

    /// <summary>Outcome label of a line written to <c>dlq.expenses</c>.</summary>
    public const string DeadLettered = "dead_lettered";

    /// <summary>Outcome label of a re-delivery that was dropped.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Outcome label of a card charge put on hold, or of an expense line put to wait for master data.</summary>
    public const string Held = "held";

    /// <summary>Outcome label of an expense line that left the wait for master data (approved or dead-lettered, counted as such too).</summary>
    public const string Released = "released";

    /// <summary>Outcome label of a card charge documented by its expense line.</summary>
    public const string Documented = "documented";

    /// <summary>Outcome label of a card charge dead-lettered as undocumented.</summary>
    public const string Undocumented = "undocumented";

    /// <summary>Outcome label of a purchase side written to <c>expense.approved</c>.</summary>
    public const string Posted = "posted";

    /// <summary>Outcome label of a purchase side that does not post because the other side of the purchase does (<c>MERGED</c>).</summary>
    public const string Merged = "merged";

    /// <summary>Outcome label of a coded card transaction put to wait for its report line.</summary>
    public const string Waiting = "waiting";

    /// <summary>Outcome label of a purchase side dead-lettered as <c>CARD_EXPENSE_CONFLICT</c>.</summary>
    public const string Conflict = "conflict";

    /// <summary>Side label of an expense-report line.</summary>
    public const string ReportLineSide = "report_line";

    /// <summary>Side label of a coded card transaction.</summary>
    public const string CardSide = "card";

    private readonly Counter lines;
    private readonly Counter purchases;
    private readonly Counter cards;
    private readonly Gauge heldNow;

    /// <summary>Defines the metrics in <paramref name="metrics"/>' registry.</summary>
    public ExpenseMetrics(BusinessMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        lines = metrics.Counter("expense_lines_total", "Expense lines by outcome: approved, dead_lettered, duplicate, held (waiting for master data), released (left the wait).", "outcome");
        cards = metrics.Counter("expense_card_charges_total", "Card transactions by outcome: held, documented, duplicate, undocumented.", "outcome");
        purchases = metrics.Counter("expense_card_purchases_total", "Approved sides of card purchases (report_line, card) by outcome: posted, merged, waiting, conflict, duplicate.", "side", "outcome");
        heldNow = metrics.Gauge("expense_card_charges_held", "Card transactions currently held for their documenting expense line.");
    }

    /// <summary>Counts one expense line.</summary>
    public void Line(string outcome) => lines.WithLabels(outcome).Inc();

    /// <summary>Counts one card transaction.</summary>
    public void Card(string outcome) => cards.WithLabels(outcome).Inc();

    /// <summary>Counts one approved side of a card purchase.</summary>
    public void Purchase(string side, string outcome) => purchases.WithLabels(side, outcome).Inc();

    /// <summary>Approved purchase sides counted with <paramref name="side"/> and <paramref name="outcome"/> so far; reading creates no series.</summary>
    public double Purchases(string side, string outcome) => purchases.ValueOrZero(side, outcome);

    /// <summary>Moves the held-charges gauge by <paramref name="delta"/>.</summary>
    public void HeldChanged(int delta)
    {
        if (delta >= 0)
            heldNow.Inc(delta);
        else
            heldNow.Dec(-delta);
    }

    /// <summary>Expense lines counted with <paramref name="outcome"/> so far; reading creates no series.</summary>
    public double Lines(string outcome) => lines.ValueOrZero(outcome);

    /// <summary>Card transactions counted with <paramref name="outcome"/> so far; reading creates no series.</summary>
    public double Cards(string outcome) => cards.ValueOrZero(outcome);

    /// <summary>Card transactions held now.</summary>
    public double CardsHeld => heldNow.Value;
}
