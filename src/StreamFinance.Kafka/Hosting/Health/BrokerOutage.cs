using System.Globalization;

namespace StreamFinance.Kafka.Hosting.Health;

/// <summary>A stream's Kafka clients reach no broker.</summary>
/// <param name="Since">When the first of them said so.</param>
/// <param name="Reason">What the latest of them said, for example librdkafka's <c>1/1 brokers are down</c>.</param>
public sealed record BrokerOutage(DateTimeOffset Since, string Reason)
{
    /// <summary>For readiness: <c>Kafka unreachable for 12 s: 3/3 brokers are down</c>.</summary>
    public string Describe(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"Kafka unreachable for {Math.Max(0, (now - Since).TotalSeconds):0} s: {Reason}");
}
