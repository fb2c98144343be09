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
/// <item><c>streamfinance_expense_card_charges_held</c>: card transactions currently held, per instance.</item>
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

    private readonly Counter lines;
    private readonly Counter cards;
    private readonly Gauge heldNow;

    /// <summary>Defines the metrics in <paramref name="metrics"/>' registry.</summary>
    public ExpenseMetrics(BusinessMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        lines = metrics.Counter("expense_lines_total", "Expense lines by outcome: approved, dead_lettered, duplicate, held (waiting for master data), released (left the wait).", "outcome");
        cards = metrics.Counter("expense_card_charges_total", "Card transactions by outcome: held, documented, duplicate, undocumented.", "outcome");
        heldNow = metrics.Gauge("expense_card_charges_held", "Card transactions currently held for their documenting expense line.");
    }

    /// <summary>Counts one expense line.</summary>
    public void Line(string outcome) => lines.WithLabels(outcome).Inc();

    /// <summary>Counts one card transaction.</summary>
    public void Card(string outcome) => cards.WithLabels(outcome).Inc();

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
