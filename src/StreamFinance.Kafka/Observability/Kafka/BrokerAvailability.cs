using System.Text.Json;

namespace StreamFinance.Kafka.Observability.Kafka;

/// <summary>
/// Whether one librdkafka client is connected to any broker, from one statistics report (each entry of <c>brokers</c>
/// with its <c>state</c>, bootstrap and coordinator entries included).
/// </summary>
/// <param name="Up">Connections in state <c>UP</c> (or <c>UPDATE</c>, a connected broker refreshing its features).</param>
/// <param name="Trying">
/// Connections the client wants but does not have: any state other than up and <c>INIT</c> (<c>DOWN</c>,
/// <c>TRY_CONNECT</c>, <c>CONNECT</c>, handshakes). A broker in <c>INIT</c> was never needed (librdkafka connects
/// sparsely) and counts as neither.
/// </param>
/// <param name="Waiting">
/// Brokers (by node id) that are not connected while partitions of this client are delegated to them: the partitions a
/// producer writes or a consumer fetches whose leader it cannot reach. Empty when every such broker is connected.
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
            var waiting = new List<BrokerWait>();
            foreach (var broker in brokers.EnumerateObject())
            {
                if (!broker.Value.TryGetProperty("state", out var state) || state.ValueKind != JsonValueKind.String)
                    continue;
                if (state.ValueEquals("UP") || state.ValueEquals("UPDATE"))
                    up++;
                else if (!state.ValueEquals("INIT"))
                {
                    trying++;
                    if (DelegatedPartitions(broker.Value) is > 0 and var partitions && NodeId(broker.Value) is { } node)
                        waiting.Add(new BrokerWait(node, partitions));
                }
            }
            availability = new BrokerAvailability(up, trying, waiting);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // A real broker's node id; the bootstrap and coordinator entries (-1) lead no partition.
    private static string? NodeId(JsonElement broker) =>
        broker.TryGetProperty("nodeid", out var id) && id.TryGetInt32(out var node) && node >= 0 ? node.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    private static int DelegatedPartitions(JsonElement broker) =>
        broker.TryGetProperty("toppars", out var toppars) && toppars.ValueKind == JsonValueKind.Object ? toppars.EnumerateObject().Count() : 0;
}

/// <summary>A broker a client cannot reach, and how many of the client's partitions are delegated to it.</summary>
/// <param name="Broker">Its node id.</param>
/// <param name="Partitions">Partitions of the client it leads.</param>
public sealed record BrokerWait(string Broker, int Partitions);
