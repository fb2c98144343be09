using Prometheus;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Kafka.Holds;

/// <summary>
/// The metric every hold shares: <c>streamfinance_records_held{hold}</c>, the records currently waiting in the hold
/// store named by the label (for example <c>expense.md-waits</c>), summed over the tasks of this process. Each
/// <see cref="HoldStore"/> moves it as it holds and releases, adds its records once the task's store is readable and
/// takes them off again when the task leaves the instance.
/// </summary>
public static class HoldMetrics
{
    private static readonly Gauge HeldNow = BusinessMetrics.Gauge(
        "records_held", "Records currently held, waiting to be released by rule or dead-lettered at the horizon, by hold store (per instance).", "hold");

    /// <summary>Records currently held in <paramref name="hold"/> by this process.</summary>
    public static double Held(string hold) => HeldNow.WithLabels(hold).Value;

    /// <summary>Moves the gauge of <paramref name="hold"/> by <paramref name="delta"/>.</summary>
    internal static void Changed(string hold, long delta)
    {
        if (delta >= 0)
            HeldNow.WithLabels(hold).Inc(delta);
        else
            HeldNow.WithLabels(hold).Dec(-delta);
    }
}
