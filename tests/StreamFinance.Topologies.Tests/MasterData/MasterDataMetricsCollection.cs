namespace StreamFinance.Topologies.Tests.MasterData;

/// <summary>
/// Tests that read the process-wide master-data metrics run alone: other master-data tests running in parallel would
/// move the same series.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MasterDataMetricsCollection
{
    public const string Name = "master-data metrics";
}
