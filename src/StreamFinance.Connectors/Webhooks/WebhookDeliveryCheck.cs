namespace StreamFinance.Connectors.Webhooks;

/// <summary>What <see cref="WebhookDeliveries.Begin"/> found for a delivery.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not seen within the window: ingest it, then <see cref="WebhookDeliveries.AcceptAsync"/> or <see cref="WebhookDeliveries.Abandon"/>.</summary>
    New,

    /// <summary>Its event id was accepted within the window: a replay or a retry of a delivery already stored.</summary>
    SeenEventId,

    /// <summary>Its body was accepted within the window under another event id.</summary>
    SeenBody,

    /// <summary>A delivery with the same event id or body is being ingested right now: the sender should retry shortly.</summary>
    InProgress,
}

/// <summary>The answer of <see cref="WebhookDeliveries.Begin"/>: its status and, for a new delivery, the handle to accept or abandon it with.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Delivery">The new delivery's handle; null unless <see cref="WebhookDeliveryStatus.New"/>.</param>
public sealed record WebhookDeliveryCheck(WebhookDeliveryStatus Status, WebhookDelivery? Delivery = null);

/// <summary>A delivery being ingested or accepted: the SHA-256 prefixes of its event id and body, and when it may be forgotten.</summary>
public sealed class WebhookDelivery
{
    internal WebhookDelivery(UInt128 eventKey, UInt128 bodyKey, DateTimeOffset forgetAt) => (EventKey, BodyKey, ForgetAt) = (eventKey, bodyKey, forgetAt);

    internal UInt128 EventKey { get; }

    internal UInt128 BodyKey { get; }

    /// <summary>When the delivery may be forgotten: the later of its acceptance and its signature, plus the tolerance.</summary>
    public DateTimeOffset ForgetAt { get; }

    internal bool Accepted { get; set; }
}
