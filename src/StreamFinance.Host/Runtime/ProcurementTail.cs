using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Host.Runtime;

/// <summary>What the procurement topology has written so far, as the live view shows it.</summary>
/// <param name="CommitmentsByKind">Commitments on <c>erp.commitments</c> per kind (COMMIT, ADJUST, REVERSE, CLOSE).</param>
/// <param name="CommittedByCurrency">What the commitments hold committed now, per functional currency (the last commitment of each order).</param>
/// <param name="Held">The orders held now (p2p.po-held without its tombstoned keys), oldest hold first.</param>
public sealed record ProcurementActivity(
    IReadOnlyDictionary<string, int> CommitmentsByKind, IReadOnlyDictionary<string, decimal> CommittedByCurrency, IReadOnlyList<HeldOrder> Held)
{
    /// <summary>Nothing written yet.</summary>
    public static ProcurementActivity None { get; } = new(new Dictionary<string, int>(), new Dictionary<string, decimal>(), []);
}

/// <summary>One order held now, as the live view lists it.</summary>
/// <param name="PoNumber">The PO number.</param>
/// <param name="ReasonCode">Reason code of the hold.</param>
/// <param name="Message">Its message, naming field, value and amounts.</param>
public sealed record HeldOrder(string PoNumber, string ReasonCode, string Message);

/// <summary>
/// Follows <c>erp.commitments</c> and <c>p2p.po-held</c> from their beginning for the demo's live view: commitments by
/// kind, what stays committed per currency, and the orders held now (a tombstone ends a hold). <see cref="Poll"/> reads
/// whatever arrived since the last call without waiting.
/// </summary>
public sealed class ProcurementTail : IDisposable
{
    /// <summary>The topics it follows.</summary>
    public static IReadOnlyList<TopicSpec> Topics { get; } = [Contracts.Catalog.Topics.Commitments, Contracts.Catalog.Topics.PurchaseOrdersHeld];

    private readonly IConsumer<byte[], byte[]> consumer;
    private readonly AvroSerDes<Commitment> commitmentSerDes;
    private readonly AvroSerDes<PurchaseOrderHold> holdSerDes;
    private readonly Dictionary<string, int> byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Money> lastCommitted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Order, HeldOrder Hold)> held = new(StringComparer.Ordinal);
    private long read;

    /// <summary>Assigns every partition of both topics from its beginning.</summary>
    public ProcurementTail(KafkaOptions kafka, SerDesFactory serDes)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(serDes);
        var config = kafka.ApplyTo(new ConsumerConfig(), "live-view-procurement");
        config.GroupId = $"{kafka.ClientIdPrefix}-live-view-procurement-{Guid.NewGuid():N}";
        config.EnableAutoCommit = false;
        consumer = new ConsumerBuilder<byte[], byte[]>(config).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(Topics.SelectMany(t => Enumerable.Range(0, t.Partitions).Select(p => new TopicPartitionOffset(t.Name, p, Offset.Beginning))));
        commitmentSerDes = serDes.Avro<Commitment>();
        holdSerDes = serDes.Avro<PurchaseOrderHold>();
    }

    /// <summary>Everything read so far; reads what arrived since the last call first.</summary>
    public ProcurementActivity Poll()
    {
        while (consumer.Consume(TimeSpan.Zero) is { } record)
        {
            if (record.IsPartitionEOF)
                continue;
            var context = new SerializationContext(MessageComponentType.Value, record.Topic, record.Message.Headers);
            if (record.Topic == Contracts.Catalog.Topics.Commitments.Name)
            {
                if (record.Message.Value is null)
                    continue;
                var commitment = commitmentSerDes.Deserialize(record.Message.Value, context);
                var kind = commitment.kind.ToString();
                byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
                if (commitment.functionalTotal is { } total)
                    lastCommitted[commitment.poNumber] = total;
            }
            else if (record.Message.Key is { } key)
            {
                var poNumber = System.Text.Encoding.UTF8.GetString(key);
                if (record.Message.Value is null)
                    held.Remove(poNumber);
                else
                {
                    var hold = holdSerDes.Deserialize(record.Message.Value, context);
                    held[poNumber] = (held.TryGetValue(poNumber, out var before) ? before.Order : read++, new HeldOrder(poNumber, hold.reasonCode, hold.message));
                }
            }
        }
        return new ProcurementActivity(
            new Dictionary<string, int>(byKind),
            lastCommitted.Values.GroupBy(m => m.currency).ToDictionary(g => g.Key, g => g.Sum(m => m.ToDecimal())),
            held.Values.OrderBy(h => h.Order).Select(h => h.Hold).ToList());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        consumer.Close();
        consumer.Dispose();
    }
}
