using Prometheus;
using StreamFinance.Domain.Journals;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Topologies.Posting;

/// <summary>
/// The posting topology's business metrics, defined in the <see cref="BusinessMetrics"/> of its context (the host's
/// are served on <c>/metrics</c>):
/// <list type="bullet">
/// <item><c>streamfinance_expenses_awaiting_posting{entity,currency}</c> and
/// <c>streamfinance_expenses_awaiting_posting_amount{entity,currency}</c>: expense contributions in open windows of this
/// process's tasks, and their sum in the entity's functional currency (an intercompany expense counts once in each entity).</item>
/// <item><c>streamfinance_journals_posted_total{entity,currency}</c>, <c>streamfinance_journal_lines_posted_total{entity,currency}</c>
/// and <c>streamfinance_journal_amount_posted_total{entity,currency}</c>: journals written to <c>erp.journal-postings</c> with
/// their control totals (line count, total debit).</item>
/// <item><c>streamfinance_expenses_posting_redelivered_total{entity,currency}</c>: deliveries of an expense id the
/// entity's journals already hold, ignored; <c>streamfinance_expenses_posted_late_total{entity,currency}</c>: expenses
/// that missed their window's grace and went into the next open window.</item>
/// </list>
/// </summary>
/// <remarks>
/// Prometheus values are doubles: amounts here are for monitoring and can be off in the last digits of large sums. The
/// exact figures are the control totals in the journals. Like every Kafka Streams counter, work redone after a crash
/// is counted again.
/// </remarks>
public sealed class PostingMetrics
{
    private static readonly string[] Labels = ["entity", "currency"];

    /// <summary>Defines the metrics in <paramref name="metrics"/>' registry.</summary>
    public PostingMetrics(BusinessMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        Awaiting = metrics.Gauge(
            "expenses_awaiting_posting", "Expenses in open posting windows, by legal entity and functional currency.", Labels);
        AwaitingAmount = metrics.Gauge(
            "expenses_awaiting_posting_amount", "Sum of expenses in open posting windows in the functional currency (monitoring only; exact totals are in the journals).", Labels);
        JournalsPosted = metrics.Counter(
            "journals_posted_total", "Journals written to erp.journal-postings, by legal entity and currency.", Labels);
        LinesPosted = metrics.Counter(
            "journal_lines_posted_total", "Lines of the journals written to erp.journal-postings (control total line count).", Labels);
        AmountPosted = metrics.Counter(
            "journal_amount_posted_total", "Total debit of the journals written, in the journal currency (monitoring only; exact totals are in the journals).", Labels);
        Redelivered = metrics.Counter(
            "expenses_posting_redelivered_total", "Deliveries of an expense id already held by the entity's open or posted journals; ignored.", Labels);
        Late = metrics.Counter(
            "expenses_posted_late_total", "Expenses that arrived after their window's grace period and joined the next open window.", Labels);
        FutureClamped = metrics.Counter(
            "posting_future_times_clamped_total", "Approval times later than the wall clock plus Posting:FutureTolerance, taken as that instead so they cannot close open windows early.", Labels);
    }

    /// <summary>Approval times clamped to the wall clock plus <c>Posting:FutureTolerance</c>.</summary>
    public Counter FutureClamped { get; }

    /// <summary>Expenses in open windows, by entity and currency.</summary>
    public Gauge Awaiting { get; }

    /// <summary>Sum of the expenses in open windows, by entity and currency.</summary>
    public Gauge AwaitingAmount { get; }

    /// <summary>Journals written.</summary>
    public Counter JournalsPosted { get; }

    /// <summary>Lines of the journals written (control total).</summary>
    public Counter LinesPosted { get; }

    /// <summary>Total debit of the journals written (control total).</summary>
    public Counter AmountPosted { get; }

    /// <summary>Redeliveries ignored.</summary>
    public Counter Redelivered { get; }

    /// <summary>Expenses that went into the next open window.</summary>
    public Counter Late { get; }

    /// <summary>Adds (or with a negative <paramref name="count"/> removes) awaiting expenses.</summary>
    public void AddAwaiting(string entity, string currency, int count, decimal amount)
    {
        Awaiting.WithLabels(entity, currency).Inc(count);
        AwaitingAmount.WithLabels(entity, currency).Inc((double)amount);
    }

    /// <summary>Counts one written journal with its control totals.</summary>
    public void CountPosted(Journal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        string[] labels = [journal.Key.EntityId, journal.Key.Currency];
        JournalsPosted.WithLabels(labels).Inc();
        LinesPosted.WithLabels(labels).Inc(journal.LineCount);
        AmountPosted.WithLabels(labels).Inc((double)journal.TotalDebit);
    }

    /// <summary>Current value of a labelled metric; reading creates no series.</summary>
    public static double ValueOf(Collector<Gauge.Child> metric, string entity, string currency) => metric.ValueOrZero(entity, currency);

    /// <summary>Current value of a labelled counter; reading creates no series.</summary>
    public static double ValueOf(Collector<Counter.Child> metric, string entity, string currency) => metric.ValueOrZero(entity, currency);
}
