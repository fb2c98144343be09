using System.Globalization;
using StreamFinance.Connectors.Webhooks;

namespace StreamFinance.Connectors.Tests.Support;

/// <summary>Builds webhook deliveries as a sender does: the body signed with the time, the timestamp and the event id in headers.</summary>
internal static class WebhookSender
{
    /// <summary>A delivery of <paramref name="body"/> signed at <paramref name="signedAt"/> (Unix seconds); <paramref name="sentTimestamp"/> and <paramref name="signature"/> replace what is sent, to tamper with it.</summary>
    public static HttpRequestMessage Delivery(Uri address, string secret, byte[] body, string? eventId, long signedAt, string? sentTimestamp = null, string? signature = null)
    {
        var timestamp = signedAt.ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-StreamFinance-Timestamp", sentTimestamp ?? timestamp);
        request.Headers.Add("X-StreamFinance-Signature", signature ?? WebhookSignature.Sign(secret, timestamp, body));
        if (eventId is not null)
            request.Headers.Add("X-StreamFinance-Event-Id", eventId);
        return request;
    }

    /// <summary>The current Unix time in seconds, as a sender signs with.</summary>
    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
