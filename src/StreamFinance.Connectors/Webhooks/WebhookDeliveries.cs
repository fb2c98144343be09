using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Offsets;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Webhooks;

/// <summary>
/// The deliveries one webhook connector accepted within its tolerance window, remembered by event id and by SHA-256
/// of the body, so that a replayed delivery, a retry, or the same body under a new event id is recognised and not
/// produced again. A delivery is remembered until the later of its acceptance and its signature time, plus the
/// tolerance: after that its signature is stale anyway. Memory is bounded by <c>capacity</c>.
/// </summary>
/// <remarks>
/// It survives restarts: accepted deliveries are kept in the connector's offsets (<c>_streamfinance.connector-offsets</c>,
/// sources <c>webhook-deliveries-&lt;slot&gt;</c>), one record per 10 s of forget time, in a ring of slots that covers
/// twice the tolerance, so each acceptance rewrites only its own 10 s (40 bytes per delivery) and the number of keys
/// stays fixed. <see cref="LoadAsync"/> reads them back at start. Keys are 128-bit prefixes of SHA-256, so neither an
/// event id nor a body is stored. Thread-safe.
/// </remarks>
public sealed class WebhookDeliveries
{
    /// <summary>Offset sources of the remembered deliveries are this prefix and a slot number.</summary>
    public const string SourcePrefix = "webhook-deliveries-";

    private const byte FormatVersion = 1;
    private const int EntryBytes = 40;
    private const long SlotSeconds = 10;

    private readonly string connector;
    private readonly IConnectorOffsetStore offsets;
    private readonly TimeProvider clock;
    private readonly TimeSpan tolerance;
    private readonly int capacity;
    private readonly ILogger logger;
    private readonly int slots;
    private readonly object gate = new();
    private readonly Dictionary<UInt128, WebhookDelivery> byEvent = [];
    private readonly Dictionary<UInt128, WebhookDelivery> byBody = [];
    private readonly PriorityQueue<WebhookDelivery, DateTimeOffset> byForgetTime = new();
    private readonly Dictionary<long, long> savedThrough = [];
    private readonly SemaphoreSlim saving = new(1, 1);
    private long version;
    private DateTimeOffset lastEvictionWarning = DateTimeOffset.MinValue;

    /// <summary>The deliveries of <paramref name="connector"/>, kept in <paramref name="offsets"/>.</summary>
    public WebhookDeliveries(string connector, IConnectorOffsetStore offsets, TimeProvider clock, TimeSpan tolerance, int capacity, ILogger logger)
    {
        (this.connector, this.offsets, this.clock, this.tolerance, this.capacity, this.logger) =
            (connector, offsets ?? throw new ArgumentNullException(nameof(offsets)), clock ?? throw new ArgumentNullException(nameof(clock)), tolerance, capacity, logger ?? throw new ArgumentNullException(nameof(logger)));
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        slots = (int)Math.Ceiling(2 * tolerance.TotalSeconds / SlotSeconds) + 2;
    }

    /// <summary>Deliveries remembered now (accepted or being ingested).</summary>
    public int Count
    {
        get
        {
            lock (gate)
                return byEvent.Count;
        }
    }

    /// <summary>Checks a delivery and, when new, reserves its event id and body until it is accepted or abandoned.</summary>
    public WebhookDeliveryCheck Begin(string eventId, ReadOnlySpan<byte> body, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var eventKey = Key(Encoding.UTF8.GetBytes(eventId));
        var bodyKey = Key(body);
        var now = clock.GetUtcNow();
        lock (gate)
        {
            Forget(now);
            if (byEvent.TryGetValue(eventKey, out var seen))
                return new(seen.Accepted ? WebhookDeliveryStatus.SeenEventId : WebhookDeliveryStatus.InProgress);
            if (byBody.TryGetValue(bodyKey, out seen))
                return new(seen.Accepted ? WebhookDeliveryStatus.SeenBody : WebhookDeliveryStatus.InProgress);
            while (byEvent.Count >= capacity)
                ForgetEarliest(now);
            var delivery = new WebhookDelivery(eventKey, bodyKey, (now > signedAt ? now : signedAt) + tolerance);
            Remember(delivery);
            return new(WebhookDeliveryStatus.New, delivery);
        }
    }

    /// <summary>Marks <paramref name="delivery"/> stored, so it is a duplicate from now on, and keeps it in the offsets before returning.</summary>
    public async Task AcceptAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        long accepted;
        lock (gate)
        {
            delivery.Accepted = true;
            accepted = ++version;
        }

        var slot = Slot(delivery.ForgetAt);
        await saving.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ConnectorOffset record;
            long through;
            lock (gate)
            {
                if (savedThrough.GetValueOrDefault(slot) >= accepted)
                    return; // A later save of this slot already holds it.
                (record, through) = (Snapshot(slot), version);
            }

            await offsets.CommitAsync(record, ct).ConfigureAwait(false);
            lock (gate)
                savedThrough[slot] = through;
        }
        finally
        {
            saving.Release();
        }
    }

    /// <summary>Forgets <paramref name="delivery"/>, which was not stored (Kafka did not acknowledge it): the sender's retry is a new delivery.</summary>
    public void Abandon(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        lock (gate)
            Drop(delivery);
    }

    /// <summary>Reads the deliveries kept in the offsets (at start), skipping those whose window has passed.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        var kept = await offsets.LoadAsync(connector, ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var loaded = 0;
        lock (gate)
        {
            foreach (var (source, offset) in kept)
            {
                if (!source.StartsWith(SourcePrefix, StringComparison.Ordinal) || offset.cursor is null)
                    continue;
                foreach (var delivery in Decode(offset.cursor, source).Where(d => d.ForgetAt > now && !byEvent.ContainsKey(d.EventKey)))
                {
                    Remember(delivery);
                    loaded++;
                }
            }
        }
        logger.LogInformation("Connector {Connector} remembers {Count} webhook deliveries from before its start (duplicates within {Seconds} s are not produced again)",
            connector, loaded, (int)tolerance.TotalSeconds);
    }

    private void Remember(WebhookDelivery delivery)
    {
        byEvent[delivery.EventKey] = delivery;
        byBody.TryAdd(delivery.BodyKey, delivery);
        byForgetTime.Enqueue(delivery, delivery.ForgetAt);
    }

    private void Forget(DateTimeOffset now)
    {
        while (byForgetTime.TryPeek(out var delivery, out var at) && at <= now)
            Drop(byForgetTime.Dequeue());
    }

    private void ForgetEarliest(DateTimeOffset now)
    {
        Drop(byForgetTime.Dequeue());
        if (now - lastEvictionWarning < TimeSpan.FromMinutes(1))
            return;
        lastEvictionWarning = now;
        logger.LogWarning("Connector {Connector} remembers {Capacity} webhook deliveries, its MaxRememberedDeliveries, and forgets the oldest before its window ends: " +
            "a replay of those would be produced again. Raise Webhook:MaxRememberedDeliveries or lower ToleranceSeconds.", connector, capacity);
    }

    private void Drop(WebhookDelivery delivery)
    {
        if (byEvent.TryGetValue(delivery.EventKey, out var held) && ReferenceEquals(held, delivery))
            byEvent.Remove(delivery.EventKey);
        if (byBody.TryGetValue(delivery.BodyKey, out held) && ReferenceEquals(held, delivery))
            byBody.Remove(delivery.BodyKey);
        if (!delivery.Accepted)
            byForgetTime.Remove(delivery, out _, out _);
    }

    private long Slot(DateTimeOffset forgetAt) => forgetAt.ToUnixTimeSeconds() / SlotSeconds % slots;

    /// <summary>The offset record of <paramref name="slot"/>: version byte, then per accepted delivery its event key, body key and forget time (Unix seconds), base64.</summary>
    private ConnectorOffset Snapshot(long slot)
    {
        var now = clock.GetUtcNow();
        var entries = byEvent.Values.Where(d => d.Accepted && d.ForgetAt > now && Slot(d.ForgetAt) == slot).ToList();
        var bytes = new byte[1 + entries.Count * EntryBytes];
        bytes[0] = FormatVersion;
        var at = 1;
        foreach (var entry in entries)
        {
            BinaryPrimitives.WriteUInt128BigEndian(bytes.AsSpan(at), entry.EventKey);
            BinaryPrimitives.WriteUInt128BigEndian(bytes.AsSpan(at + 16), entry.BodyKey);
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(at + 32), entry.ForgetAt.ToUnixTimeSeconds());
            at += EntryBytes;
        }
        return new ConnectorOffset
        {
            connector = connector, source = SourcePrefix + slot, line = 0, cursor = Convert.ToBase64String(bytes),
            recordsCommitted = entries.Count, completed = false, committedAt = now.UtcDateTime,
        };
    }

    private IEnumerable<WebhookDelivery> Decode(string cursor, string source)
    {
        var bytes = new byte[cursor.Length];
        if (!Convert.TryFromBase64String(cursor, bytes, out var length) || length < 1 || bytes[0] != FormatVersion || (length - 1) % EntryBytes != 0)
        {
            logger.LogWarning("Connector {Connector} cannot read its remembered webhook deliveries in {Source} (not version {Version}); they are forgotten", connector, source, FormatVersion);
            yield break;
        }
        for (var at = 1; at < length; at += EntryBytes)
            yield return new WebhookDelivery(
                BinaryPrimitives.ReadUInt128BigEndian(bytes.AsSpan(at)),
                BinaryPrimitives.ReadUInt128BigEndian(bytes.AsSpan(at + 16)),
                DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(at + 32))))
            { Accepted = true };
    }

    private static UInt128 Key(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadUInt128BigEndian(SHA256.HashData(bytes));
}
