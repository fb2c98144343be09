using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace StreamFinance.Embedded.Erp;

/// <summary>
/// A fake ERP on 127.0.0.1 for tests and the demo: it answers every POST, PUT and PATCH in the vendor shape of the path
/// (<see cref="FakeErpDialect"/>) and enforces idempotency keys (the first of <see cref="IdempotencyHeaders"/>
/// present): the second call with a key answers with the document the first created, so there is exactly one
/// document per key. It can be told to reject (<see cref="Rejects"/>), to answer slowly after creating the document
/// (<see cref="AnswerDelay"/>, a timeout on the caller's side), to rate-limit with 429 and <c>Retry-After</c>
/// (<see cref="RequestsPerSecond"/>), or to be down (503, <see cref="Down"/>, <see cref="FailNext"/>). It records every
/// call and every document. Thread-safe.
/// </summary>
public sealed class FakeErp : IAsyncDisposable
{
    /// <summary>The headers read as idempotency key, in order: generic, NetSuite's, SAP's.</summary>
    public static readonly IReadOnlyList<string> IdempotencyHeaders = ["Idempotency-Key", "X-NetSuite-Idempotency-Key", "Repeatability-Request-ID"];

    private readonly object gate = new();
    private readonly List<FakeErpCall> calls = [];
    private readonly Dictionary<string, FakeErpDocument> documents = new(StringComparer.Ordinal);
    private readonly List<FakeErpDocument> created = [];
    private readonly TimeProvider clock;
    private WebApplication? app;
    private long window = long.MinValue;
    private int inWindow;
    private int failNext;

    private FakeErp(TimeProvider clock) => this.clock = clock;

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; private set; } = "";

    /// <summary>A rule deciding rejections: the ERP's message for a call it refuses (400, no document), null to accept. Default: accept all.</summary>
    public Func<FakeErpCall, string?>? Rejects { get; set; }

    /// <summary>How long to wait after creating a document before answering. Default none.</summary>
    public TimeSpan AnswerDelay { get; set; }

    /// <summary>Calls accepted per second of the clock; further calls in that second answer 429 with <see cref="RetryAfterSeconds"/>. Default unlimited.</summary>
    public int? RequestsPerSecond { get; set; }

    /// <summary>The <c>Retry-After</c> of a 429, in seconds. Default 1.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>While true every call answers 503 (an outage). Default false.</summary>
    public bool Down { get; set; }

    /// <summary>Every call received, in order.</summary>
    public IReadOnlyList<FakeErpCall> Calls
    {
        get
        {
            lock (gate)
                return calls.ToList();
        }
    }

    /// <summary>Every document created, in order; one per idempotency key.</summary>
    public IReadOnlyList<FakeErpDocument> Documents
    {
        get
        {
            lock (gate)
                return created.ToList();
        }
    }

    /// <summary>The next <paramref name="count"/> calls answer 503, whatever else is set.</summary>
    public void FailNext(int count)
    {
        lock (gate)
            failNext = count;
    }

    /// <summary>Starts the fake ERP on 127.0.0.1.</summary>
    /// <param name="clock">Its clock: rate windows, document times, fiscal year fallback. Default the system clock.</param>
    /// <param name="port">0 (default) picks a free port.</param>
    /// <param name="loggers">Where ASP.NET Core logs. Default nowhere.</param>
    /// <param name="ct">Cancels the start.</param>
    public static async Task<FakeErp> StartAsync(TimeProvider? clock = null, int port = 0, ILoggerFactory? loggers = null, CancellationToken ct = default)
    {
        var erp = new FakeErp(clock ?? TimeProvider.System);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        builder.Services.AddSingleton(loggers ?? NullLoggerFactory.Instance);
        var app = builder.Build();
        app.Run(erp.AnswerAsync);
        await app.StartAsync(ct);
        erp.app = app;
        erp.Url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return erp;
    }

    /// <summary>The documents created under <paramref name="key"/>: one, or none.</summary>
    public IReadOnlyList<FakeErpDocument> DocumentsFor(string key) => Documents.Where(d => d.IdempotencyKey == key).ToList();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref app, null) is { } running)
        {
            await running.StopAsync();
            await running.DisposeAsync();
        }
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var request = http.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var path = request.Path + request.QueryString;
        var key = IdempotencyHeaders.Select(h => request.Headers[h].ToString()).FirstOrDefault(v => v.Length > 0);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow();
        var dialect = FakeErpDialects.Of(request.Path);
        int status;
        string answer = "";
        FakeErpDocument? document = null;
        var fresh = false;
        lock (gate)
        {
            if (Down || failNext > 0)
            {
                failNext = Math.Max(0, failNext - 1);
                status = 503;
            }
            else if (OverRate(now))
                status = 429;
            else if (request.Method is not ("POST" or "PUT" or "PATCH"))
                status = 405;
            else if (key is null)
            {
                status = 400;
                answer = FakeErpDialects.Rejection(dialect, $"No idempotency key: send one of {string.Join(", ", IdempotencyHeaders)}.");
            }
            else if (documents.TryGetValue(key, out var existing))
            {
                document = existing;
                status = 0;
            }
            else if (Rejects?.Invoke(new FakeErpCall(request.Method, path, key, body, headers, 400, now)) is { } message)
            {
                status = 400;
                answer = FakeErpDialects.Rejection(dialect, message);
            }
            else
            {
                document = new FakeErpDocument(FakeErpDialects.Number(dialect, created.Count + 1), key, dialect, FakeErpDialects.FiscalYear(body, now), request.Method, path, body, now);
                documents[key] = document;
                created.Add(document);
                fresh = true;
                status = 0;
            }
        }
        IReadOnlyDictionary<string, string> answerHeaders = new Dictionary<string, string>();
        if (document is not null)
            (status, answerHeaders, answer) = FakeErpDialects.Created(document, Url);
        lock (gate)
            calls.Add(new FakeErpCall(request.Method, path, key, body, headers, status, now));
        if (fresh && AnswerDelay > TimeSpan.Zero)
            await Task.Delay(AnswerDelay, clock, http.RequestAborted).ConfigureAwait(false);
        http.Response.StatusCode = status;
        foreach (var (name, value) in answerHeaders)
            http.Response.Headers[name] = value;
        if (status == 429)
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (answer.Length > 0)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(answer, http.RequestAborted).ConfigureAwait(false);
        }
    }

    private bool OverRate(DateTimeOffset now)
    {
        if (RequestsPerSecond is not { } limit)
            return false;
        var second = now.ToUnixTimeSeconds();
        if (second != window)
        {
            window = second;
            inWindow = 0;
        }
        return ++inWindow > limit;
    }
}
