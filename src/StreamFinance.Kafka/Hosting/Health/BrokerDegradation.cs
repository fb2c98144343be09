using System.Globalization;
using StreamFinance.Kafka.Observability.Kafka;

namespace StreamFinance.Kafka.Hosting.Health;

/// <summary>A stream's Kafka clients reach some brokers, but partitions they read or write wait on brokers they cannot reach.</summary>
/// <param name="Since">When the first of them said so.</param>
/// <param name="Brokers">The brokers they cannot reach, with the most partitions one client has waiting on each.</param>
public sealed record BrokerDegradation(DateTimeOffset Since, IReadOnlyList<BrokerWait> Brokers)
{
    /// <summary>
    /// For readiness: <c>Kafka partly unreachable for 9 s: broker 2 is down (3 partitions and the coordinator wait
    /// on it)</c>.
    /// </summary>
    public string Describe(DateTimeOffset now)
    {
        var partitions = Brokers.Sum(b => b.Partitions);
        var waiting = new List<string>();
        if (partitions > 0)
            waiting.Add(partitions == 1 ? "1 partition" : $"{partitions} partitions");
        if (Brokers.Any(b => b.Coordinator))
            waiting.Add("the coordinator");
        var who = Brokers.Count == 1
            ? $"broker {Brokers[0].Broker} is down ({string.Join(" and ", waiting)} {(partitions == 1 && waiting.Count == 1 ? "waits" : "wait")} on it)"
            : $"brokers {string.Join(", ", Brokers.Select(b => b.Broker))} are down ({string.Join(" and ", waiting)} {(partitions == 1 && waiting.Count == 1 ? "waits" : "wait")} on them)";
        return string.Create(CultureInfo.InvariantCulture, $"Kafka partly unreachable for {Math.Max(0, (now - Since).TotalSeconds):0} s: {who}");
    }

    /// <inheritdoc />
    public bool Equals(BrokerDegradation? other) =>
        other is not null && Since == other.Since && Brokers.SequenceEqual(other.Brokers);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Since, Brokers.Count);
}
