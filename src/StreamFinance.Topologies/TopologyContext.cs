using StreamFinance.Topologies.SerDes;

namespace StreamFinance.Topologies;

/// <summary>What a topology needs from its surroundings while it is built: SerDes today, policies and dead-letter routing as they come.</summary>
public sealed class TopologyContext(SerDesFactory serDes)
{
    /// <summary>The shared SerDes factory.</summary>
    public SerDesFactory SerDes { get; } = serDes;
}
