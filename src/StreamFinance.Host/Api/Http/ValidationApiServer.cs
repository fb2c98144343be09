using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamFinance.Host.Configuration;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// The validation API's own Kestrel listener on <see cref="ValidationApiOptions.Host"/>:<see cref="ValidationApiOptions.Port"/>,
/// serving <c>/v1</c> (<see cref="LookupEndpoints"/>, <see cref="ValidationEndpoints"/>) and its OpenAPI document
/// (<see cref="OpenApiPath"/>) behind <see cref="ApiMiddleware"/>.
/// It is separate from the metrics and health listener so that the API key, problem details and exposure of one never
/// change the other. Start it before the validation topology: it answers 503 until the store is restored.
/// </summary>
public sealed class ValidationApiServer : IAsyncDisposable
{
    /// <summary>Path prefix of every endpoint.</summary>
    public const string Prefix = "/v1";

    /// <summary>Path of the API's OpenAPI 3.1 document, on the same listener (and behind the same API key) as the API.</summary>
    public const string OpenApiPath = ApiDocumentEndpoint.Path;

    private readonly WebApplication app;
    private readonly ValidationApiOptions options;

    /// <summary>
    /// Builds (does not start) the server. <paramref name="mapMore"/> adds endpoints outside <c>/v1</c> on the same
    /// listener and middleware (benchmarks map a trivial baseline there); default none.
    /// </summary>
    public ValidationApiServer(ValidationApiContext api, ILoggerFactory loggerFactory, Action<IEndpointRouteBuilder>? mapMore = null)
    {
        options = api.Options;
        // Empty: no configuration sources, logging providers or servers of its own; the caller's logger factory is used.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = JsonBodyReader.MaxBodyBytes;
            kestrel.Listen(options.ListenAddress, options.Port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            // The OpenAPI generator reads the contracts through these options: numbers must be as strict as in ApiJsonContext
            // (request bodies carry their own closed-member and numeric-string settings).
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            json.SerializerOptions.NumberHandling = ApiJsonContext.Default.Options.NumberHandling;
        });
        builder.Services.AddApiDocument(options);
        app = builder.Build();
        app.UseApiMiddleware(options, loggerFactory.CreateLogger("StreamFinance.Api"));
        var v1 = app.MapGroup(Prefix).ProducesProblem(StatusCodes.Status500InternalServerError).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        if (options.ApiKey is not null)
            v1.ProducesProblem(StatusCodes.Status401Unauthorized);
        LookupEndpoints.Map(v1, api);
        ValidationEndpoints.Map(v1, api);
        AuditEndpoints.Map(v1, api);
        ProcurementEndpoints.Map(v1, api);
        ApiDocumentEndpoint.Map(app);
        mapMore?.Invoke(app);
    }

    /// <summary>Every endpoint this server routes to (template, HTTP methods and metadata), as routing sees them.</summary>
    public IReadOnlyList<RouteEndpoint> Endpoints =>
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().ToList();

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:8080/</c>; null until started.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>The API's root, e.g. <c>http://127.0.0.1:8080/v1</c>; null until started.</summary>
    public Uri? ApiAddress => BaseAddress is null ? null : new Uri(BaseAddress, Prefix.TrimStart('/'));

    /// <summary>Starts listening.</summary>
    /// <exception cref="ConfigurationException">The address cannot be bound (port in use, address not local); the message names the setting to change.</exception>
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await app.StartAsync(ct);
        }
        catch (Exception e) when (ListenFailure(e) is { } failure)
        {
            throw failure;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                      ?? throw new InvalidOperationException("The validation API started without an address.");
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>Stops listening; requests in flight get <paramref name="ct"/>'s time to finish.</summary>
    public Task StopAsync(CancellationToken ct) => app.StopAsync(ct);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => app.DisposeAsync();

    private ConfigurationException? ListenFailure(Exception error)
    {
        if (error is not IOException)
            return null;
        var endpoint = new IPEndPoint(options.ListenAddress, options.Port);
        if (error is AddressInUseException || error.InnerException is AddressInUseException)
            return new ConfigurationException(
                $"Api:Port {options.Port} on {options.Host} is already in use by another process, so the validation API cannot be served. " +
                "Stop that process, choose another port with --set Api:Port=<port> (0 takes any free port), or turn the API off with --set Api:Enabled=false.", error);
        return new ConfigurationException(
            $"Cannot listen on {endpoint} for the validation API ({error.InnerException?.Message ?? error.Message}). Check Api:Host and Api:Port.", error);
    }
}
