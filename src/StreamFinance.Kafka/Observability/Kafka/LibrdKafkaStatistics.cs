using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace StreamFinance.Kafka.Observability.Kafka;

/// <summary>
/// Reads librdkafka's statistics JSON (emitted every <c>statistics.interval.ms</c>; fields documented in librdkafka's
/// STATISTICS.md) into a <see cref="KafkaClientSnapshot"/>: <c>client_id</c>, <c>type</c>, <c>msg_cnt</c> and
/// <c>msg_size</c> (producers), per broker <c>nodeid</c>, <c>txerrs</c>, <c>rxerrs</c>, <c>req_timeouts</c> and
/// <c>txretries</c> (brokers by node id, and the group and transaction coordinator connections, whose retries are offset
/// commits and transaction requests sent again; bootstrap connections are left out), and per partition
/// <c>consumer_lag</c> (consumers; -1 while unknown, and the internal partition -1, are left out).
/// </summary>
public static class LibrdKafkaStatistics
{
    /// <summary>The statistics interval StreamFinance asks its clients for by default: 10 s.</summary>
    public const int DefaultIntervalMs = 10_000;

    /// <summary>Reads one report; false when it is not librdkafka statistics JSON.</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out KafkaClientSnapshot? snapshot)
    {
        snapshot = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("client_id", out var clientId) || clientId.ValueKind != JsonValueKind.String)
                return false;
            var producer = root.TryGetProperty("type", out var type) && type.ValueEquals("producer");
            snapshot = new KafkaClientSnapshot(
                clientId.GetString()!,
                producer ? [] : Lags(root),
                producer ? Int64(root, "msg_cnt") : null,
                producer ? Int64(root, "msg_size") : null,
                Brokers(root));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static List<PartitionLag> Lags(JsonElement root) =>
        Partitions(root).Where(p => Int64(p.Value, "consumer_lag") is >= 0)
            .Select(p => new PartitionLag(p.Topic, p.Partition, Int64(p.Value, "consumer_lag")!.Value)).ToList();

    /// <summary>Every real partition (id 0 or more) of every topic of a report, with its statistics object.</summary>
    internal static IEnumerable<(string Topic, int Partition, JsonElement Value)> Partitions(JsonElement root)
    {
        if (!root.TryGetProperty("topics", out var topics) || topics.ValueKind != JsonValueKind.Object)
            yield break;
        foreach (var topic in topics.EnumerateObject())
        {
            if (!topic.Value.TryGetProperty("partitions", out var partitions) || partitions.ValueKind != JsonValueKind.Object)
                continue;
            foreach (var partition in partitions.EnumerateObject())
                if (int.TryParse(partition.Name, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id >= 0)
                    yield return (topic.Name, id, partition.Value);
        }
    }

    private static List<BrokerRequestCounts> Brokers(JsonElement root)
    {
        var brokers = new List<BrokerRequestCounts>();
        if (!root.TryGetProperty("brokers", out var all) || all.ValueKind != JsonValueKind.Object)
            return brokers;
        foreach (var broker in all.EnumerateObject())
        {
            if (Label(broker.Name, Int64(broker.Value, "nodeid")) is not { } label)
                continue;
            var errors = Int64(broker.Value, "txerrs") + Int64(broker.Value, "rxerrs");
            brokers.Add(new BrokerRequestCounts(label, errors, Int64(broker.Value, "req_timeouts"), Int64(broker.Value, "txretries")));
        }
        return brokers;
    }

    /// <summary>The <c>broker</c> label of a statistics entry: its node id, a coordinator's role, or null for a bootstrap connection.</summary>
    public static string? Label(string entry, long? nodeId) => nodeId switch
    {
        >= 0 => nodeId.Value.ToString(CultureInfo.InvariantCulture),
        _ when entry == "GroupCoordinator" => GroupCoordinator,
        _ when entry == "TxnCoordinator" => TransactionCoordinator,
        _ => null,
    };

    /// <summary>The <c>broker</c> label of a client's connection to its group coordinator.</summary>
    public const string GroupCoordinator = "group-coordinator";

    /// <summary>The <c>broker</c> label of a transactional producer's connection to its transaction coordinator.</summary>
    public const string TransactionCoordinator = "txn-coordinator";

    /// <summary>A number property of a statistics object, or null when it is missing or not an integer.</summary>
    internal static long? Int64(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
}
