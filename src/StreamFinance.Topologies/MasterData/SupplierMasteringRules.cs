using StreamFinance.Domain.MasterData.Golden;
using StreamFinance.Domain.MasterData.Suppliers;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Domain.MasterData;

namespace StreamFinance.Topologies.MasterData;

/// <summary>The policies of supplier mastering, built once from <see cref="MasterDataOptions"/> and shared by every task (all immutable).</summary>
/// <param name="Detector">Duplicate scoring and the candidate threshold.</param>
/// <param name="Survivorship">Per-field rules of the golden record.</param>
/// <param name="AutoMergeThreshold">Pairs scoring at least this merge into one golden record.</param>
/// <param name="Clock">Time of candidates' detection and golden records' ingest time.</param>
public sealed record SupplierMasteringRules(SupplierDuplicateDetector Detector, Survivorship Survivorship, double AutoMergeThreshold, TimeProvider Clock)
{
    /// <summary>The rules of <paramref name="options"/> on <paramref name="clock"/>.</summary>
    public static SupplierMasteringRules From(MasterDataOptions options, TimeProvider clock) =>
        new(new SupplierDuplicateDetector(options.SupplierDuplicates), new Survivorship(options.Survivorship), options.AutoMergeThreshold, clock);

    /// <summary>The domain defaults on the system clock.</summary>
    public static SupplierMasteringRules Default { get; } = From(MasterDataOptions.Default(), TimeProvider.System);
}
