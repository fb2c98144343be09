using StreamFinance.Connectors.FileDrop;
using StreamFinance.Connectors.Webhooks;
using StreamFinance.Host.Configuration;
using StreamFinance.Kafka.Configuration;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// What <c>demo</c> and <c>run</c> check before they touch Kafka: the listener of <c>/metrics</c> and <c>/health</c>,
/// the validation API's (when <c>Api:Enabled</c>), every enabled webhook connector's, the Streams state folder, and
/// every enabled file-drop connector's inbox, processed and quarantine folders.
/// </summary>
public static class PipelinePreflight
{
    /// <summary>The checks for <paramref name="settings"/>; run them with <see cref="StartupPreflight.ThrowIfAnyProblem"/>.</summary>
    public static StartupPreflight For(StreamFinanceSettings settings)
    {
        var observability = settings.Observability;
        var preflight = new StartupPreflight()
            .Listener(new ListenerCheck(
                "Observability:MetricsPort", observability.ListenAddress, observability.MetricsPort, "/metrics and /health",
                "Stop that process or choose another port with --set Observability:MetricsPort=<port> (0 takes any free port).", "Observability:MetricsHost"));
        if (settings.Api.Enabled)
            preflight.Listener(new ListenerCheck(
                "Api:Port", settings.Api.ListenAddress, settings.Api.Port, "the validation API",
                "Stop that process, choose another port with --set Api:Port=<port> (0 takes any free port), or turn the API off with --set Api:Enabled=false.", "Api:Host"));
        foreach (var (name, connector) in settings.Connectors.Where(c => c.Value.Enabled))
        {
            if (connector is { Kind: ConnectorKind.Webhook, Webhook: { } webhook })
                preflight.Listener(Webhook(name, webhook));
            if (connector is { Kind: ConnectorKind.FileDrop, FileDrop: { } fileDrop })
                foreach (var folder in FileDropFolders(name, fileDrop))
                    preflight.Folder(folder);
        }
        return preflight.Folder(new FolderCheck($"{StreamsOptions.Section}:StateDir", settings.Streams.StateDir, "RocksDB state"));
    }

    private static ListenerCheck Webhook(string connector, WebhookOptions webhook)
    {
        var prefix = $"{ConnectorOptions.Section}:{connector}:Webhook";
        var address = System.Net.IPAddress.Parse(webhook.Host == "localhost" ? "127.0.0.1" : webhook.Host);
        return new ListenerCheck(
            $"{prefix}:Port", address, webhook.Port, $"webhook connector {connector}",
            $"Stop that process, choose another port with --set {prefix}:Port=<port>, or disable the connector with --set {ConnectorOptions.Section}:{connector}:Enabled=false.",
            $"{prefix}:Host");
    }

    private static IEnumerable<FolderCheck> FileDropFolders(string connector, FileDropOptions fileDrop)
    {
        var prefix = $"{ConnectorOptions.Section}:{connector}:FileDrop";
        yield return new FolderCheck($"{prefix}:Inbox", fileDrop.Inbox, $"the files of connector {connector}");
        // Relative to the inbox, as the connector resolves them.
        var inbox = Path.GetFullPath(fileDrop.Inbox);
        yield return new FolderCheck(
            fileDrop.ProcessedFolder is null ? $"{prefix}:ProcessedFolder (default under the inbox)" : $"{prefix}:ProcessedFolder",
            Path.GetFullPath(fileDrop.ProcessedFolder ?? Path.Combine(inbox, "processed"), inbox), $"the ingested files of connector {connector}");
        yield return new FolderCheck(
            fileDrop.QuarantineFolder is null ? $"{prefix}:QuarantineFolder (default under the inbox)" : $"{prefix}:QuarantineFolder",
            Path.GetFullPath(fileDrop.QuarantineFolder ?? Path.Combine(inbox, "quarantine"), inbox), $"the unreadable files of connector {connector}");
    }
}
