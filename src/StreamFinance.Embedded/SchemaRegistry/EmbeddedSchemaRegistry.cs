using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamFinance.Embedded.SchemaRegistry.Internals.Http;

namespace StreamFinance.Embedded.SchemaRegistry;

/// <summary>
/// A Schema-Registry-compatible HTTP server running in this process on 127.0.0.1, for tests and the demo.
/// Point Confluent's <c>CachedSchemaRegistryClient</c> (or any Schema Registry client) at <see cref="Url"/>.
/// Never needed in production, where the configuration points at a real Confluent Schema Registry.
/// </summary>
/// <remarks>
/// Serves the REST API that Confluent's 2.16 clients and serdes use: subjects and versions, schemas by id,
/// compatibility tests, and global and per-subject compatibility configuration (default BACKWARD). Only AVRO schemas.
/// State lives in <see cref="Store"/>, in memory, and is lost on dispose. Logs nothing unless a logger factory is given.
/// </remarks>
public sealed class EmbeddedSchemaRegistry : IAsyncDisposable
{
    private readonly WebApplication app;
    private int disposed;

    private EmbeddedSchemaRegistry(WebApplication app, string url, SchemaRegistryStore store)
    {
        this.app = app;
        Url = url;
        Store = store;
    }

    /// <summary>The base URL, for example <c>http://127.0.0.1:43125</c>.</summary>
    public string Url { get; }

    /// <summary>The registry's state; share it with <see cref="InMemorySchemaRegistryClient"/> to skip HTTP.</summary>
    public SchemaRegistryStore Store { get; }

    /// <summary>Starts the registry on 127.0.0.1.</summary>
    /// <param name="port">The TCP port; 0 (the default) picks a free ephemeral port.</param>
    /// <param name="loggerFactory">Where ASP.NET Core and the registry log; null (the default) logs nothing.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <param name="requiredUserInfo">
    /// <c>user:password</c> every request must present as HTTP basic authentication, as a secured registry asks; null
    /// (the default) asks for none.
    /// </param>
    public static async Task<EmbeddedSchemaRegistry> StartAsync(
        int port = 0, ILoggerFactory? loggerFactory = null, CancellationToken ct = default, string? requiredUserInfo = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);

        // The empty builder reads no appsettings.json or environment, so a host's Kestrel settings cannot leak in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        builder.Services.AddSingleton(loggerFactory ?? NullLoggerFactory.Instance);

        var app = builder.Build();
        var store = new SchemaRegistryStore();
        if (requiredUserInfo is not null)
            app.UseRegistryBasicAuth(requiredUserInfo);
        app.MapSchemaRegistry(store);
        try
        {
            await app.StartAsync(ct);
        }
        catch (Exception e)
        {
            await app.DisposeAsync();
            if (e is IOException)
            {
                throw new InvalidOperationException(
                    $"The embedded Schema Registry could not listen on 127.0.0.1:{port}: {e.Message} Pass port 0 to pick a free port.", e);
            }

            throw;
        }

        var url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new EmbeddedSchemaRegistry(app, url, store);
    }

    /// <summary>Stops the server and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }
}
