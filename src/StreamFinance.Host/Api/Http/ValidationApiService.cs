using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// Runs the <see cref="ValidationApiServer"/> for the lifetime of the pipeline host and says where it is
/// (<c>Validation API at http://127.0.0.1:8080/v1</c>). Register it before the topologies so that it answers 503 while
/// they restore.
/// </summary>
public sealed class ValidationApiService(ValidationApiServer server, TextWriter output, ILogger<ValidationApiService> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>The running server.</summary>
    public ValidationApiServer Server => server;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await server.StartAsync(cancellationToken);
        output.WriteLine($"Validation API at {server.ApiAddress}");
        logger.LogInformation("Validation API serving at {Address}", server.ApiAddress);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => server.DisposeAsync();
}
