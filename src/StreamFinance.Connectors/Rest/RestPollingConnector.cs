using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Rest;

/// <summary>
/// Polls a vendor-style REST API page by page through the <see cref="IngestPipeline"/>: cursor paging
/// (<c>next_cursor</c>/<c>page.next</c>) or an updated-since watermark, retried by <see cref="RestResilience"/>
/// (backoff with jitter, 429 Retry-After), authenticated with a bearer token or API key from configuration. The
/// cursor (or watermark) the page was fetched with, and the line reached in it, are committed once the page's records
/// are acknowledged; a restart fetches that page again and skips what was acknowledged.
/// </summary>
public sealed class RestPollingConnector : IConnector
{
    private readonly ConnectorContext context;
    private readonly RestPollingOptions options;
    private readonly IRecordMapper mapper;
    private readonly ISourceFormat format;
    private readonly HttpClient http;
    private readonly ResiliencePipeline<HttpResponseMessage> resilience;
    private readonly IngestPipeline pipeline;
    private string? cursor;
    private long resumeAfterLine;
    private long recordsCommitted;

    /// <summary>Creates the connector; <paramref name="http"/> is used as is (its base address is ignored, <see cref="RestPollingOptions.BaseUrl"/> applies).</summary>
    public RestPollingConnector(ConnectorContext context, RestPollingOptions options, IRecordMapper mapper, ISourceFormat format, HttpClient http)
    {
        this.context = context ?? throw new ArgumentNullException(nameof(context));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.mapper = mapper ?? throw new ArgumentNullException(nameof(mapper));
        this.format = format ?? throw new ArgumentNullException(nameof(format));
        this.http = http ?? throw new ArgumentNullException(nameof(http));
        resilience = RestResilience.Build(options, context.Health, context.Clock);
        pipeline = new IngestPipeline(context);
        cursor = options.Paging == RestPaging.Watermark ? options.InitialWatermark : null;
    }

    /// <inheritdoc />
    public string Name => context.Name;

    /// <inheritdoc />
    public ConnectorHealth Health => context.Health;

    /// <summary>The cursor or watermark the next poll asks with.</summary>
    public string? Cursor => cursor;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken ct)
    {
        await ResumeAsync(ct).ConfigureAwait(false);
        context.Health.Started();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var more = false;
                try
                {
                    more = (await PollOnceAsync(ct).ConfigureAwait(false)).HasMore;
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    context.Health.Failed(e.Message);
                    context.Logger.LogError("Connector {Connector} poll of {Path} failed: {Error}; retrying in {Interval} ms", Name, options.Path, e.Message, options.PollIntervalMs);
                }

                if (!more)
                    await Task.Delay(options.PollIntervalMs, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            context.Health.Stopped();
        }
    }

    /// <summary>Reads the committed cursor and line of this endpoint, so polling resumes where it was acknowledged.</summary>
    public async Task ResumeAsync(CancellationToken ct)
    {
        var offsets = await context.Offsets.LoadAsync(context.Name, ct).ConfigureAwait(false);
        if (offsets.GetValueOrDefault(options.Path) is { } committed)
        {
            cursor = committed.cursor ?? cursor;
            resumeAfterLine = committed.line;
            recordsCommitted = committed.recordsCommitted;
            context.Logger.LogInformation("Connector {Connector} resumes {Path} at cursor {Cursor} after record {Line}", Name, options.Path, cursor ?? "(start)", resumeAfterLine);
        }
    }

    /// <summary>Fetches one page, ingests it, and commits its position; says whether another page is waiting.</summary>
    /// <exception cref="HttpRequestException">The API kept failing after every retry, or answered with a non-retryable error.</exception>
    public async Task<RestPollResult> PollOnceAsync(CancellationToken ct)
    {
        var fetchedWith = cursor;
        var body = await FetchAsync(fetchedWith, ct).ConfigureAwait(false);
        var ingestTime = context.Clock.GetUtcNow().UtcDateTime;
        var location = options.Path;
        var next = options.Paging == RestPaging.Cursor
            ? RestPage.Find(body, options.EffectiveNextCursorPaths)
            : MaxWatermark(body, fetchedWith);
        var items = IngestItems.Read(format, mapper, body, location, ingestTime)
            .Select(i => i.At(i.Position with { Cursor = fetchedWith }));
        var batch = new IngestBatch(options.Path, items)
        {
            Cursor = fetchedWith,
            NextCursor = next is not null && next != fetchedWith ? next : null,
            ResumeAfterLine = resumeAfterLine,
            RecordsCommittedBefore = recordsCommitted,
        };
        var result = await pipeline.IngestAsync(batch, ct).ConfigureAwait(false);
        recordsCommitted += result.Read;
        var advanced = batch.NextCursor is not null;
        if (advanced)
        {
            cursor = batch.NextCursor;
            resumeAfterLine = 0;
        }
        else
            resumeAfterLine = Math.Max(resumeAfterLine, result.CommittedLine);

        context.Health.Succeeded();
        context.Logger.LogInformation("Connector {Connector} polled {Path}: read {Read} = produced {Produced} + dead-lettered {DeadLettered}; next cursor {Cursor}",
            Name, options.Path, result.Read, result.Produced, result.DeadLettered, cursor ?? "(none)");
        return new RestPollResult(result, cursor, HasMore: advanced && options.Paging == RestPaging.Cursor && result.Read + result.Skipped > 0);
    }

    private async Task<ReadOnlyMemory<byte>> FetchAsync(string? position, CancellationToken ct)
    {
        var uri = RequestUri(position);
        using var response = await resilience.ExecuteAsync(async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (!string.IsNullOrEmpty(options.BearerToken))
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.BearerToken);
            if (!string.IsNullOrEmpty(options.ApiKey))
                request.Headers.TryAddWithoutValidation(options.ApiKeyHeader, options.ApiKey);
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException(
                $"GET {uri.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}" +
                (RestResilience.IsTransient(response) ? $" after {options.MaxRetries} retries" : "") +
                ((int)response.StatusCode is 401 or 403 ? "; check the connector's BearerToken or ApiKey" : ""),
                null, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
    }

    private Uri RequestUri(string? position)
    {
        var baseUri = new Uri(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/");
        var builder = new UriBuilder(new Uri(baseUri, options.Path.TrimStart('/')));
        if (position is not null)
        {
            var parameter = options.Paging == RestPaging.Cursor ? options.CursorParameter : options.WatermarkParameter;
            var pair = $"{Uri.EscapeDataString(parameter)}={Uri.EscapeDataString(position)}";
            builder.Query = string.IsNullOrEmpty(builder.Query) ? pair : builder.Query.TrimStart('?') + "&" + pair;
        }

        return builder.Uri;
    }

    // The greatest change time on the page (ISO-8601 strings compare in time order), never below the current watermark.
    private string? MaxWatermark(ReadOnlyMemory<byte> body, string? current)
    {
        var max = current;
        foreach (var read in format.Read(body, options.Path, mapper.FormatOptions))
            if (read.Record?.Document.Value(options.WatermarkField) is { } value && (max is null || string.CompareOrdinal(value, max) > 0))
                max = value;
        return max;
    }
}
