using System.Collections.Concurrent;
using StreamFinance.Connectors.Offsets;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Tests.Support;

/// <summary>An offset store double that survives "restarts" (a new connector over the same store) and remembers every commit.</summary>
public sealed class InMemoryOffsetStore : IConnectorOffsetStore
{
    private readonly ConcurrentDictionary<string, ConnectorOffset> latest = new();

    public ConcurrentQueue<ConnectorOffset> Commits { get; } = new();

    public Task<IReadOnlyDictionary<string, ConnectorOffset>> LoadAsync(string connector, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, ConnectorOffset>>(latest.Values.Where(o => o.connector == connector).ToDictionary(o => o.source));

    public Task CommitAsync(ConnectorOffset offset, CancellationToken ct)
    {
        Commits.Enqueue(offset);
        latest[ConnectorOffsetKey.For(offset.connector, offset.source)] = offset;
        return Task.CompletedTask;
    }

    public ConnectorOffset? Latest(string connector, string source) => latest.GetValueOrDefault(ConnectorOffsetKey.For(connector, source));
}
