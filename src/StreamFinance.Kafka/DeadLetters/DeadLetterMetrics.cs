using Prometheus;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Observability;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// The dead-letter metrics, <c>streamfinance_dead_letters_total{topic, reason, owner}</c> and
/// <c>streamfinance_dead_letters_truncated_total{topic, field}</c>, defined once per registry
/// (<see cref="BusinessMetrics.DeadLetters"/>). Every dead-letter path counts here: in-topology routing (through its
/// <see cref="DeadLetterRoute"/>), the Streamiz exception handlers and connectors (through <see cref="DeadLetterPublisher"/>).
/// </summary>
/// <remarks>
/// A dead letter is counted when it is handed to Kafka inside a topology, or when Kafka acknowledged it out of band.
/// After a crash an exactly-once topology reprocesses its last uncommitted batch, so the counter may then be higher
/// than the records in the topic: it is an operational signal, not a reconciliation total.
/// </remarks>
public sealed class DeadLetterMetrics
{
    /// <summary>The metric name.</summary>
    public const string Name = "streamfinance_dead_letters_total";

    /// <summary>Name of the count of dead letters with a field cut to <see cref="DeadLetterLimits"/>.</summary>
    public const string TruncatedName = "streamfinance_dead_letters_truncated_total";

    private readonly Counter deadLetters;
    private readonly Counter truncated;

    /// <summary>Defines the counters in <paramref name="metrics"/>' registry.</summary>
    public DeadLetterMetrics(BusinessMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        deadLetters = metrics.Counter("dead_letters_total", "Dead letters written, by dead-letter topic, reason code and owner role.", "topic", "reason", "owner");
        truncated = metrics.Counter(
            "dead_letters_truncated_total", "Dead letters written with a field cut to the dead-letter size limits, by dead-letter topic and field.", "topic", "field");
    }

    /// <summary>Counts one dead letter written to <paramref name="topic"/>, and each field of it that was cut.</summary>
    public void Record(string topic, DeadLetter deadLetter)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        deadLetters.WithLabels(topic, deadLetter.reasonCode, deadLetter.ownerRole.ToString()).Inc();
        foreach (var field in deadLetter.truncated ?? [])
            truncated.WithLabels(topic, field).Inc();
    }

    /// <summary>How many dead letters with <paramref name="reason"/> were counted for <paramref name="topic"/> so far; reading creates no series.</summary>
    public double Count(string topic, ReasonCode reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return deadLetters.ValueOrZero(topic, reason.Code, reason.Owner.ToString());
    }

    /// <summary>How many dead letters to <paramref name="topic"/> had <paramref name="field"/> cut so far; reading creates no series.</summary>
    public double TruncatedCount(string topic, string field) => truncated.ValueOrZero(topic, field);
}
