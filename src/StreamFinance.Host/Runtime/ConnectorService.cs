using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Runtime;

namespace StreamFinance.Host.Runtime;

/// <summary>Runs one <see cref="IConnector"/> as a hosted service until the host stops; a connector that ends with an error is logged and marked down, never silently gone.</summary>
public sealed class ConnectorService(IConnector connector, ILogger<ConnectorService> logger) : BackgroundService
{
    /// <summary>The connector run.</summary>
    public IConnector Connector => connector;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await connector.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            connector.Health.Failed($"stopped: {e.Message}");
            logger.LogError(e, "Connector {Connector} stopped: {Error}. Fix the cause and restart; it resumes from its committed offsets.", connector.Name, e.Message);
        }
    }
}
