using System.Text.Json;

namespace StreamFinance.Kafka.Observability.Kafka;

/// <summary>
/// Whether one librdkafka client is connected to any broker, and to every broker it needs, from one statistics report
/// (each entry of <c>brokers</c> with its <c>state</c>, bootstrap and coordinator entries included, and each partition
/// of <c>topics</c> with its <c>leader</c> and the <c>broker</c> it is delegated to).
/// </summary>
/// <param name="Up">Connections in state <c>UP</c> (or <c>UPDATE</c>, a connected broker refreshing its features).</param>
/// <param name="Trying">
/// Connections the client wants but does not have: any state other than up and <c>INIT</c> (<c>DOWN</c>,
/// <c>TRY_CONNECT</c>, <c>CONNECT</c>, handshakes). A broker in <c>INIT</c> was never needed (librdkafka connects
/// sparsely) and counts as neither.
/// </param>
/// <param name="Waiting">
/// Brokers (by node id) the client needs and cannot reach while it reaches others: the leader of a partition it fetches
/// (assigned to it) or writes (messages queued for it) that librdkafka has no connection to delegate the partition to,
/// or its group or transaction coordinator. Empty when it reaches every broker it needs.
/// </param>
public sealed record BrokerAvailability(int Up, int Trying, IReadOnlyList<BrokerWait> Waiting)
{
    /// <summary>True when the client has no connection and wants one: every broker it needs is unreachable.</summary>
    public bool NoneReachable => Up == 0 && Trying > 0;

    /// <summary>True when the client reaches some broker but partitions of it wait on one it cannot reach.</summary>
    public bool PartlyReachable => Up > 0 && Waiting.Count > 0;

    /// <summary>Reads one statistics report; false when it is not librdkafka statistics JSON.</summary>
    public static bool TryRead(string json, out BrokerAvailability availability)
    {
        availability = new BrokerAvailability(0, 0, []);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("client_id", out _))
                return false;
            if (!root.TryGetProperty("brokers", out var brokers) || brokers.ValueKind != JsonValueKind.Object)
                return true;
            int up = 0, trying = 0;
            var nodes = new Dictionary<string, string>(StringComparer.Ordinal);
            var coordinators = new List<string>();
            foreach (var broker in brokers.EnumerateObject())
            {
                if (!broker.Value.TryGetProperty("state", out var state) || state.ValueKind != JsonValueKind.String)
                    continue;
                if (state.ValueEquals("UP") || state.ValueEquals("UPDATE"))
                    up++;
                else if (!state.ValueEquals("INIT"))
                {
                    trying++;
                    if (broker.Name is "GroupCoordinator" or "TxnCoordinator" && Text(broker.Value, "nodename") is { } address)
                        coordinators.Add(address);
                }
                if (LibrdKafkaStatistics.Int64(broker.Value, "nodeid") is >= 0 and var node && Text(broker.Value, "nodename") is { } name)
                    nodes[name] = node.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            var waiting = WaitingPartitions(root)
                .Concat(coordinators.Select(c => (Broker: nodes.GetValueOrDefault(c, c), Partitions: 0, Coordinator: true)))
                .GroupBy(w => w.Broker)
                .Select(g => new BrokerWait(g.Key, g.Sum(w => w.Partitions), g.Any(w => w.Coordinator)))
                .ToList();
            availability = new BrokerAvailability(up, trying, waiting);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Partitions whose leader is known but that librdkafka could delegate to no broker connection, and that the client
    // needs: a consumer's assigned partitions (fetch state other than none), a producer's partitions with messages queued.
    private static IEnumerable<(string Broker, int Partitions, bool Coordinator)> WaitingPartitions(JsonElement root)
    {
        foreach (var (_, _, p) in LibrdKafkaStatistics.Partitions(root))
        {
            var leader = LibrdKafkaStatistics.Int64(p, "leader") ?? -1;
            if (leader < 0 || LibrdKafkaStatistics.Int64(p, "broker") is not -1)
                continue;
            var fetching = Text(p, "fetch_state") is { } fetch && fetch != "none";
            var queued = (LibrdKafkaStatistics.Int64(p, "msgq_cnt") ?? 0) + (LibrdKafkaStatistics.Int64(p, "xmit_msgq_cnt") ?? 0) > 0;
            if (fetching || queued)
                yield return (leader.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, false);
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A broker a client needs and cannot reach.</summary>
/// <param name="Broker">Its node id.</param>
/// <param name="Partitions">Partitions of the client it leads.</param>
/// <param name="Coordinator">Whether it is the client's group or transaction coordinator.</param>
public sealed record BrokerWait(string Broker, int Partitions, bool Coordinator = false);
