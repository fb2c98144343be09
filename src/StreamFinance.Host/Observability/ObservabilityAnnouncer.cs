using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StreamFinance.Host.Observability;

/// <summary>
/// Says where <c>/metrics</c> and <c>/health</c> are served once the listener is up (the port is only known then when
/// it was 0), and tells <paramref name="onListening"/>. Registered before the topologies, which start after it.
/// </summary>
public sealed class ObservabilityAnnouncer(IServer server, TextWriter output, Action<Uri>? onListening, ILogger<ObservabilityAnnouncer> logger)
    : IHostedLifecycleService
{
    /// <summary>The base address served, once started.</summary>
    public Uri? Address { get; private set; }

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                      ?? throw new InvalidOperationException("The HTTP listener started without an address.");
        Address = new Uri(address.TrimEnd('/') + "/");
        output.WriteLine($"Metrics at {Address}metrics, health at {Address}health/live and {Address}health/ready");
        logger.LogInformation("Serving /metrics, /health/live and /health/ready at {Address}", Address);
        onListening?.Invoke(Address);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
