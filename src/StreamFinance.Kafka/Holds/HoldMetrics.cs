using Prometheus;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Kafka.Holds;

/// <summary>
/// The metric every hold shares, defined once per registry (<see cref="BusinessMetrics.Holds"/>):
/// <c>streamfinance_records_held{hold}</c>, the records currently waiting in the hold store named by the label (for
/// example <c>expense.md-waits</c>), summed over the tasks of this process. Each <see cref="HoldStore"/> moves it as it
/// holds and releases, adds its records once the task's store is readable and takes them off again when the task
/// leaves the instance.
/// </summary>
public sealed class HoldMetrics
{
    private readonly Gauge heldNow;

    /// <summary>Defines the gauge in <paramref name="metrics"/>' registry.</summary>
    public HoldMetrics(BusinessMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        heldNow = metrics.Gauge(
            "records_held", "Records currently held, waiting to be released by rule or dead-lettered at the horizon, by hold store (per instance).", "hold");
    }

    /// <summary>Records currently held in <paramref name="hold"/> by this process; reading creates no series.</summary>
    public double Held(string hold) => heldNow.ValueOrZero(hold);

    /// <summary>Moves the gauge of <paramref name="hold"/> by <paramref name="delta"/>.</summary>
    internal void Changed(string hold, long delta)
    {
        if (delta >= 0)
            heldNow.WithLabels(hold).Inc(delta);
        else
            heldNow.WithLabels(hold).Dec(-delta);
    }
}
