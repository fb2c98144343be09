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
public sealed record BrokerAvailability(int Up, int Trying)
{
    /// <summary>True when the client has no connection and wants one: every broker it needs is unreachable.</summary>
    public bool NoneReachable => Up == 0 && Trying > 0;

    /// <summary>Reads one statistics report; false when it is not librdkafka statistics JSON.</summary>
    public static bool TryRead(string json, out BrokerAvailability availability)
    {
        availability = new BrokerAvailability(0, 0);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("client_id", out _))
                return false;
            if (!root.TryGetProperty("brokers", out var brokers) || brokers.ValueKind != JsonValueKind.Object)
                return true;
            int up = 0, trying = 0;
            foreach (var broker in brokers.EnumerateObject())
            {
                if (!broker.Value.TryGetProperty("state", out var state) || state.ValueKind != JsonValueKind.String)
                    continue;
                if (state.ValueEquals("UP") || state.ValueEquals("UPDATE"))
                    up++;
                else if (!state.ValueEquals("INIT"))
                    trying++;
            }
            availability = new BrokerAvailability(up, trying);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
