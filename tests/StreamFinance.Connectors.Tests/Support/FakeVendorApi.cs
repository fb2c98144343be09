using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace StreamFinance.Connectors.Tests.Support;

/// <summary>
/// A vendor-style API on Kestrel at 127.0.0.1 port 0: <c>GET /v1/expenses</c> answers what <see cref="Respond"/> says
/// for each request (status, body, headers) and records every request with its arrival time.
/// </summary>
public sealed class FakeVendorApi : IAsyncDisposable
{
    private WebApplication? app;

    /// <summary>Requests received: query string, authorization header and arrival time.</summary>
    public ConcurrentQueue<(string Query, string? Authorization, DateTime At)> Requests { get; } = new();

    /// <summary>The answer to the n-th request (1-based).</summary>
    public required Func<int, HttpRequest, IResult> Respond { get; init; }

    public Uri BaseAddress { get; private set; } = null!;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        app = builder.Build();
        app.MapGet("/v1/expenses", (HttpRequest request) =>
        {
            Requests.Enqueue((request.QueryString.Value ?? "", request.Headers.Authorization.ToString(), DateTime.UtcNow));
            return Respond(Requests.Count, request);
        });
        await app.StartAsync();
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/");
    }

    public static IResult Json(string body) => Results.Text(body, "application/json");

    public static IResult Status(int status, string? retryAfter = null) => new StatusWithHeader(status, retryAfter);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
            await app.DisposeAsync();
    }

    private sealed class StatusWithHeader(int status, string? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            if (retryAfter is not null)
                context.Response.Headers.RetryAfter = retryAfter;
            return Task.CompletedTask;
        }
    }
}
