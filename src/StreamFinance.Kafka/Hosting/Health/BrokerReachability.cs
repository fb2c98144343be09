using Confluent.Kafka;
using StreamFinance.Kafka.Observability.Kafka;

namespace StreamFinance.Kafka.Hosting.Health;

/// <summary>
/// Whether the Kafka clients of one running stream can reach any broker, from what they report: librdkafka's
/// <c>Local_AllBrokersDown</c> error (at once), their statistics (which brokers they are connected to, every
/// <c>statistics.interval.ms</c>) and explicit probes (<see cref="OnProbe"/>).
/// </summary>
/// <remarks>
/// A broker that is down while others answer is a partial outage (<see cref="Degradation"/>): a client whose statistics
/// show, in two reports in a row (one may catch a leader change or a reconnect in passing), partitions it needs whose
/// leader it cannot reach, or its coordinator unreachable, cannot read, write or commit them until the broker is back
/// or their leadership moves.
/// Each client's latest report counts for <paramref name="freshness"/>. The stream is cut off from Kafka when at least
/// one fresh report says no broker is reachable and none says one is: a client whose thread is blocked sends nothing
/// and is not counted, and one connected client is proof enough that the brokers answer. librdkafka reports an outage
/// once and never reports its end, so without statistics only a probe or the freshness limit ends it.
/// </remarks>
/// <param name="time">The clock.</param>
/// <param name="freshness">How long a report counts; use a few statistics intervals.</param>
public sealed class BrokerReachability(TimeProvider time, TimeSpan freshness)
{
    /// <summary>The client name under which probe results are kept.</summary>
    public const string ProbeClient = "probe";

    private readonly object gate = new();
    private readonly Dictionary<string, Report> reports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PartialReport> partial = new(StringComparer.Ordinal);

    // Whose words describe an outage best, best first: librdkafka's error ("3/3 brokers are down"), then statistics, then a probe.
    private enum Source
    {
        Error,
        Statistics,
        Probe,
    }

    /// <summary>A client's error callback: <c>Local_AllBrokersDown</c> is an outage report, anything else is ignored.</summary>
    public void OnError(string client, Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Code == ErrorCode.Local_AllBrokersDown)
            Record(client, reachable: false, Source.Error, error.Reason);
    }

    /// <summary>A client's statistics callback: connected to a broker, or wanting one and connected to none.</summary>
    public void OnStatistics(string client, string json)
    {
        if (!BrokerAvailability.TryRead(json, out var availability))
            return;
        RecordPartial(client, availability);
        if (availability.Up > 0)
            Record(client, reachable: true, Source.Statistics, "");
        else if (availability.NoneReachable)
            Record(client, reachable: false, Source.Statistics, $"{client} is connected to none of the {availability.Trying} brokers it needs");
    }

    /// <summary>The result of asking a broker something directly (for example a partition's watermarks).</summary>
    public void OnProbe(bool reachable, string detail) => Record(ProbeClient, reachable, Source.Probe, detail);

    /// <summary>The outage in progress, or null while a broker is reachable (or nothing fresh says otherwise).</summary>
    public BrokerOutage? Outage()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var fresh = reports.Values.Where(r => now - r.At <= freshness).ToList();
            if (fresh.Count == 0 || fresh.Any(r => r.Reachable))
                return null;
            var since = fresh.Min(r => r.Since);
            var best = fresh.OrderBy(r => r.Source).ThenByDescending(r => r.At).First();
            return new BrokerOutage(since, best.Reason);
        }
    }

    /// <summary>
    /// The partial outage in progress: brokers that fresh reports (two in a row from a client) show down while partitions
    /// wait on them and other brokers answer; null when there is none.
    /// </summary>
    public BrokerDegradation? Degradation()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var fresh = partial.Values.Where(p => now - p.At <= freshness && p.Reports >= 2).ToList();
            if (fresh.Count == 0)
                return null;
            var brokers = fresh.SelectMany(p => p.Waiting).GroupBy(w => w.Broker)
                .Select(g => new BrokerWait(g.Key, g.Max(w => w.Partitions), g.Any(w => w.Coordinator)))
                .OrderBy(w => int.TryParse(w.Broker, out var id) ? id : int.MaxValue).ToList();
            return new BrokerDegradation(fresh.Min(p => p.Since), brokers);
        }
    }

    private void RecordPartial(string client, BrokerAvailability availability)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!availability.PartlyReachable)
                partial.Remove(client);
            else if (partial.TryGetValue(client, out var previous) && now - previous.At <= freshness)
                partial[client] = previous with { At = now, Reports = previous.Reports + 1, Waiting = availability.Waiting };
            else
                partial[client] = new PartialReport(now, now, 1, availability.Waiting);
        }
    }

    private void Record(string client, bool reachable, Source source, string reason)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var report = new Report(reachable, now, now, source, reason);
            if (reports.TryGetValue(client, out var previous) && previous.Reachable == reachable && now - previous.At <= freshness)
                // The same outage goes on: it started earlier, and the better words for it stay.
                report = previous.Source <= source ? previous with { At = now } : report with { Since = previous.Since };
            reports[client] = report;
        }
    }

    private sealed record Report(bool Reachable, DateTimeOffset At, DateTimeOffset Since, Source Source, string Reason);

    private sealed record PartialReport(DateTimeOffset Since, DateTimeOffset At, int Reports, IReadOnlyList<BrokerWait> Waiting);
}
