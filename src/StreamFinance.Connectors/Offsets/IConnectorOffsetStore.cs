using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Offsets;

/// <summary>Durable connector positions: <see cref="KafkaConnectorOffsetStore"/> keeps them in the compacted <c>_streamfinance.connector-offsets</c> topic.</summary>
public interface IConnectorOffsetStore
{
    /// <summary>The latest committed offset of every source of <paramref name="connector"/>, by source.</summary>
    Task<IReadOnlyDictionary<string, ConnectorOffset>> LoadAsync(string connector, CancellationToken ct);

    /// <summary>Commits <paramref name="offset"/>; completes when it is durable (acknowledged with acks=all).</summary>
    Task CommitAsync(ConnectorOffset offset, CancellationToken ct);
}
