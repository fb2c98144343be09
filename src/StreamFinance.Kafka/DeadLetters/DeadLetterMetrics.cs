using Prometheus;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// The one dead-letter metric, <c>streamfinance_dead_letters_total{topic, reason, owner}</c>, registered once in
/// prometheus-net's default registry, so any <c>/metrics</c> endpoint that exposes that registry shows it. Every
/// dead-letter path counts here: in-topology routing, the Streamiz exception handlers and connectors (through
/// <see cref="DeadLetterPublisher"/>).
/// </summary>
/// <remarks>
/// A dead letter is counted when it is handed to Kafka inside a topology, or when Kafka acknowledged it out of band.
/// After a crash an exactly-once topology reprocesses its last uncommitted batch, so the counter may then be higher
/// than the records in the topic: it is an operational signal, not a reconciliation total.
/// </remarks>
public static class DeadLetterMetrics
{
    /// <summary>The metric name.</summary>
    public const string Name = "streamfinance_dead_letters_total";

    /// <summary>The counter, labelled <c>topic</c> (dead-letter topic), <c>reason</c> (reason code) and <c>owner</c> (owner role).</summary>
    public static Counter DeadLetters { get; } = Metrics.CreateCounter(
        Name,
        "Dead letters written, by dead-letter topic, reason code and owner role.",
        new CounterConfiguration { LabelNames = ["topic", "reason", "owner"] });

    /// <summary>Name of the count of dead letters with a field cut to <see cref="DeadLetterLimits"/>.</summary>
    public const string TruncatedName = "streamfinance_dead_letters_truncated_total";

    /// <summary>Dead letters with a field cut to <see cref="DeadLetterLimits"/>, labelled <c>topic</c> and <c>field</c> (as listed in <c>truncated</c>).</summary>
    public static Counter Truncated { get; } = Metrics.CreateCounter(
        TruncatedName,
        "Dead letters written with a field cut to the dead-letter size limits, by dead-letter topic and field.",
        new CounterConfiguration { LabelNames = ["topic", "field"] });

    /// <summary>Counts one dead letter written to <paramref name="topic"/>, and each field of it that was cut.</summary>
    public static void Record(string topic, DeadLetter deadLetter)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        DeadLetters.WithLabels(topic, deadLetter.reasonCode, deadLetter.ownerRole.ToString()).Inc();
        foreach (var field in deadLetter.truncated ?? [])
            Truncated.WithLabels(topic, field).Inc();
    }

    /// <summary>How many dead letters with <paramref name="reason"/> were counted for <paramref name="topic"/> so far; reading creates no series.</summary>
    public static double Count(string topic, ReasonCode reason)
    {
        string[] labels = [topic, reason.Code, reason.Owner.ToString()];
        return DeadLetters.GetAllLabelValues().Any(values => values.SequenceEqual(labels)) ? DeadLetters.WithLabels(labels).Value : 0;
    }
}
