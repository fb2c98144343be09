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
/// RFC 9457 problem naming the reason: 401 (signature missing or wrong, checked in constant time), 400 (no event id),
/// 413 (body over <see cref="WebhookOptions.MaxBodyBytes"/>), 422 (body unreadable or unmappable: it is dead-lettered),
/// 503 (Kafka did not acknowledge; the sender should retry). The event id is committed as the cursor.
/// </summary>
public sealed class WebhookReceiver(ConnectorContext context, WebhookOptions options, IRecordMapper mapper, ISourceFormat format) : IConnector, IAsyncDisposable
{
    /// <summary>Source name of webhook offsets and dead-letter origins.</summary>
    public const string Source = "webhook";

    private readonly IngestPipeline pipeline = new(context);
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
            return Rejected(StatusCodes.Status401Unauthorized, "SIGNATURE_MISSING", $"Header {options.SignatureHeader}: sha256=<hex HMAC-SHA256 of the body> is required.");
        if (!WebhookSignature.IsValid(options.Secret, body, signature[0]))
            return Rejected(StatusCodes.Status401Unauthorized, "SIGNATURE_INVALID", $"Header {options.SignatureHeader} does not match the body's HMAC-SHA256 with this connector's secret.");
        if (!http.Request.Headers.TryGetValue(options.EventIdHeader, out var eventIds) || string.IsNullOrWhiteSpace(eventIds.ToString()))
            return Rejected(StatusCodes.Status400BadRequest, "EVENT_ID_MISSING", $"Header {options.EventIdHeader} with the event's unique id is required.");
        var eventId = eventIds.ToString();

        IngestResult result;
        try
        {
            result = await pipeline.IngestAsync(Batch(body, eventId), http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.Health.Failed($"event {eventId}: {e.Message}");
            context.Logger.LogError(e, "Connector {Connector} could not store event {EventId}", Name, eventId);
            http.Response.Headers.RetryAfter = "5";
            return Problem(StatusCodes.Status503ServiceUnavailable, "NOT_ACKNOWLEDGED", $"Event {eventId} was not acknowledged by Kafka ({e.Message}); send it again later.");
        }

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
