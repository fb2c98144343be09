using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Webhooks;

/// <summary>
/// Receives <c>POST /webhooks/{connector}</c> on its own Kestrel listener and ingests each body through the
/// <see cref="IngestPipeline"/>. Answers 202 only once every record of the body is acknowledged by Kafka; otherwise an
/// RFC 9457 problem naming the reason: 401 (signature or timestamp missing or wrong, the signature checked in constant
/// time, or the timestamp further than <see cref="WebhookOptions.ToleranceSeconds"/> from the receiver's clock),
/// 400 (no event id), 413 (body over <see cref="WebhookOptions.MaxBodyBytes"/>), 422 (body unreadable or unmappable:
/// it is dead-lettered), 409 (the same delivery is being ingested right now: retry), 503 (Kafka did not acknowledge;
/// the sender should retry). A delivery whose event id or body was accepted within the window is answered 200 as a
/// duplicate and not produced again (<see cref="WebhookDeliveries"/>). The event id is committed as the cursor.
/// </summary>
public sealed class WebhookReceiver(ConnectorContext context, WebhookOptions options, IRecordMapper mapper, ISourceFormat format) : IConnector, IAsyncDisposable
{
    /// <summary>Source name of webhook offsets and dead-letter origins.</summary>
    public const string Source = "webhook";

    private readonly IngestPipeline pipeline = new(context);
    private readonly WebhookDeliveries deliveries = new(context.Name, context.Offsets, context.Clock,
        TimeSpan.FromSeconds(options.ToleranceSeconds), options.MaxRememberedDeliveries, context.Logger);
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? app;

    /// <inheritdoc />
    public string Name => context.Name;

    /// <inheritdoc />
    public ConnectorHealth Health => context.Health;

    /// <summary>Completes with the listener's base address (e.g. <c>http://127.0.0.1:41234</c>) once it listens.</summary>
    public Task<Uri> Listening => listening.Task;

    /// <summary>The path senders post to: <c>/webhooks/&lt;connector&gt;</c>.</summary>
    public string PathForSenders => $"/webhooks/{Name}";

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken ct)
    {
        await StartAsync(ct).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            await StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Starts listening; <see cref="Listening"/> then has the address.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        await deliveries.LoadAsync(ct).ConfigureAwait(false);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.Listen(System.Net.IPAddress.Parse(options.Host == "localhost" ? "127.0.0.1" : options.Host), options.Port);
        });
        builder.Services.AddRoutingCore();
        var web = builder.Build();
        web.MapPost("/webhooks/{connector}", (HttpContext http, string connector) => HandleAsync(http, connector));
        await web.StartAsync(ct).ConfigureAwait(false);
        app = web;
        var address = web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        context.Health.Started();
        context.Logger.LogInformation("Connector {Connector} receives webhooks on {Address}{Path}", Name, address, PathForSenders);
        listening.TrySetResult(new Uri(address));
    }

    /// <summary>Stops listening.</summary>
    public async Task StopAsync()
    {
        if (app is { } web)
        {
            app = null;
            await web.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await web.DisposeAsync().ConfigureAwait(false);
        }

        context.Health.Stopped();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task<IResult> HandleAsync(HttpContext http, string connector)
    {
        if (!string.Equals(connector, Name, StringComparison.Ordinal))
            return Problem(StatusCodes.Status404NotFound, "UNKNOWN_CONNECTOR", $"No webhook connector '{connector}' listens here; post to {PathForSenders}.");
        if (http.Request.ContentLength > options.MaxBodyBytes)
            return Rejected(StatusCodes.Status413PayloadTooLarge, "BODY_TOO_LARGE", $"The body has {http.Request.ContentLength} bytes; at most {options.MaxBodyBytes} are accepted. Split the events.");
        byte[] body;
        try
        {
            body = await ReadBodyAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Rejected(StatusCodes.Status413PayloadTooLarge, "BODY_TOO_LARGE", $"The body is over {options.MaxBodyBytes} bytes. Split the events.");
        }

        if (!http.Request.Headers.TryGetValue(options.SignatureHeader, out var signature) || signature.Count != 1)
            return Rejected(StatusCodes.Status401Unauthorized, "SIGNATURE_MISSING", $"Header {options.SignatureHeader}: sha256=<hex HMAC-SHA256 of '<timestamp>.<body>'> is required.");
        if (!http.Request.Headers.TryGetValue(options.TimestampHeader, out var timestamps) || timestamps.Count != 1 || string.IsNullOrEmpty(timestamps[0]))
            return Rejected(StatusCodes.Status401Unauthorized, "TIMESTAMP_MISSING", $"Header {options.TimestampHeader} with the Unix time in seconds at which the delivery was signed is required.");
        var timestamp = timestamps[0]!;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var signedAtSeconds) || signedAtSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return Rejected(StatusCodes.Status401Unauthorized, "TIMESTAMP_INVALID", $"Header {options.TimestampHeader} must be the Unix time in seconds (digits only), e.g. {context.Clock.GetUtcNow().ToUnixTimeSeconds()}.");
        if (!WebhookSignature.IsValid(options.Secret, timestamp, body, signature[0]))
            return Rejected(StatusCodes.Status401Unauthorized, "SIGNATURE_INVALID",
                $"Header {options.SignatureHeader} does not match the HMAC-SHA256 of '<{options.TimestampHeader}>.<body>' with this connector's secret.");
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(signedAtSeconds);
        var skew = context.Clock.GetUtcNow() - signedAt;
        if (skew.Duration() > TimeSpan.FromSeconds(options.ToleranceSeconds))
            return Rejected(StatusCodes.Status401Unauthorized, "TIMESTAMP_OUTSIDE_TOLERANCE",
                $"The delivery was signed at {signedAt:yyyy-MM-ddTHH:mm:ssZ}, {Math.Abs((long)skew.TotalSeconds)} s {(skew > TimeSpan.Zero ? "ago" : "ahead of this receiver's clock")}; " +
                $"at most {options.ToleranceSeconds} s either way are accepted. Sign every delivery, retries included, with the current time (and check the sender's clock).");
        if (!http.Request.Headers.TryGetValue(options.EventIdHeader, out var eventIds) || string.IsNullOrWhiteSpace(eventIds.ToString()))
            return Rejected(StatusCodes.Status400BadRequest, "EVENT_ID_MISSING", $"Header {options.EventIdHeader} with the event's unique id is required.");
        var eventId = eventIds.ToString();

        var check = deliveries.Begin(eventId, body, signedAt);
        switch (check.Status)
        {
            case WebhookDeliveryStatus.SeenEventId or WebhookDeliveryStatus.SeenBody:
                var matched = check.Status == WebhookDeliveryStatus.SeenEventId ? "eventId" : "body";
                context.Logger.LogInformation("Connector {Connector} answered event {EventId} as a duplicate (same {Matched} accepted within {Seconds} s); nothing produced",
                    Name, eventId, matched, options.ToleranceSeconds);
                return Results.Ok(new { eventId, duplicate = true, matched, records = 0 });
            case WebhookDeliveryStatus.InProgress:
                http.Response.Headers.RetryAfter = "1";
                return Problem(StatusCodes.Status409Conflict, "DELIVERY_IN_PROGRESS", $"Event {eventId}, or the same body, is being stored right now; send it again in a second to learn the outcome.");
        }

        IngestResult result;
        try
        {
            result = await pipeline.IngestAsync(Batch(body, eventId), http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            deliveries.Abandon(check.Delivery!);
            if (e is OperationCanceledException)
                throw;
            context.Health.Failed($"event {eventId}: {e.Message}");
            context.Logger.LogError(e, "Connector {Connector} could not store event {EventId}", Name, eventId);
            http.Response.Headers.RetryAfter = "5";
            return Problem(StatusCodes.Status503ServiceUnavailable, "NOT_ACKNOWLEDGED", $"Event {eventId} was not acknowledged by Kafka ({e.Message}); send it again later.");
        }

        await RememberAsync(check.Delivery!, eventId).ConfigureAwait(false);
        if (result.DeadLettered > 0)
        {
            context.Health.Failed($"event {eventId}: {result.DeadLettered} record(s) dead-lettered");
            var first = result.Failures.FirstOrDefault();
            return Problem(StatusCodes.Status422UnprocessableEntity, first.Reason ?? "MAPPING_FAILED",
                $"Event {eventId}: {result.DeadLettered} of {result.Read} record(s) could not be mapped and went to dlq.ingest for integration support: {first.Message}");
        }

        context.Health.Succeeded();
        return Results.Accepted(value: new { eventId, records = result.Produced });
    }

    /// <summary>Remembers a stored delivery (produced or dead-lettered alike), so a replay is not produced again; a failure to keep it in the offsets is logged, not answered.</summary>
    private async Task RememberAsync(WebhookDelivery delivery, string eventId)
    {
        try
        {
            await deliveries.AcceptAsync(delivery, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.Logger.LogWarning(e, "Connector {Connector} stored event {EventId} but could not keep it in its offsets; until its window ends it is still a duplicate in this process, not after a restart", Name, eventId);
        }
    }

    private IngestBatch Batch(byte[] body, string eventId)
    {
        var ingestTime = context.Clock.GetUtcNow().UtcDateTime;
        var items = IngestItems.Read(format, mapper, body, Source, ingestTime).Select(i => i.At(i.Position with { Cursor = eventId })).ToList();
        if (items.Count == 0)
            items.Add(IngestItems.Unreadable(new SourcePosition(Source, 1, eventId), body, mapper.ProfileId, $"Event {eventId}: the body holds no record readable as {format.Name}.", mapper.SensitiveFields));
        return new IngestBatch(Source, items) { Cursor = eventId, NextCursor = eventId };
    }

    private async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.MaxBodyBytes;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private IResult Rejected(int status, string reason, string detail)
    {
        context.Health.Rejected($"{status} {reason}");
        context.Logger.LogWarning("Connector {Connector} rejected a webhook: {Status} {Reason}", Name, status, reason);
        return Problem(status, reason, detail);
    }

    private static IResult Problem(int status, string reason, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: reason, type: $"urn:streamfinance:problem:{reason.ToLowerInvariant()}",
            extensions: new Dictionary<string, object?> { ["reason"] = reason });
}
