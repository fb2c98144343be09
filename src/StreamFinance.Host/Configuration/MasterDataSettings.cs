using System.Globalization;
using Microsoft.Extensions.Configuration;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Domain.MasterData.Golden;
using StreamFinance.Domain.MasterData.History;
using StreamFinance.Domain.MasterData.Ownership;
using StreamFinance.Domain.MasterData.Suppliers;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Domain.MasterData;

namespace StreamFinance.Host.Configuration;

/// <summary>
/// Binds the <c>MasterData</c> section into <see cref="MasterDataOptions"/>. Each sub-section present replaces that
/// concern's defaults as a whole (bound into an empty instance, because the configuration binder appends to lists it finds
/// filled: a partial system-of-record table would otherwise be merged into the default one); a sub-section left out keeps
/// the domain default. Unknown keys are errors, as in every other section.
/// </summary>
public static class MasterDataSettings
{
    private static readonly string[] Known =
    [
        nameof(MasterDataOptions.SystemOfRecord), nameof(MasterDataOptions.Survivorship), nameof(MasterDataOptions.SupplierDuplicates),
        nameof(MasterDataOptions.AutoMergeThreshold), nameof(MasterDataOptions.History), nameof(MasterDataOptions.FxFallback),
        nameof(MasterDataOptions.EffectiveDates),
    ];

    /// <summary>The bound options (not yet validated: see <see cref="MasterDataOptions.Validate"/>).</summary>
    /// <exception cref="ConfigurationException">A key is unknown or a value cannot be converted.</exception>
    public static MasterDataOptions Bind(IConfiguration configuration)
    {
        var section = configuration.GetSection(MasterDataOptions.Section);
        var unknown = section.GetChildren().Select(c => c.Key).Where(k => !Known.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
            throw new ConfigurationException(
                $"{string.Join(", ", unknown.Select(k => $"{MasterDataOptions.Section}:{k}"))} is not a master-data setting; known: {string.Join(", ", Known)}.");

        var options = MasterDataOptions.Default();
        options.SystemOfRecord = Sub(section, nameof(MasterDataOptions.SystemOfRecord), options.SystemOfRecord, () => new SystemOfRecordOptions());
        options.Survivorship = Sub(section, nameof(MasterDataOptions.Survivorship), options.Survivorship, () => new SurvivorshipOptions());
        options.SupplierDuplicates = Sub(section, nameof(MasterDataOptions.SupplierDuplicates), options.SupplierDuplicates, () => new DuplicateDetectionOptions());
        options.History = Sub(section, nameof(MasterDataOptions.History), options.History, () => new HistoryRetentionPolicy());
        options.FxFallback = Sub(section, nameof(MasterDataOptions.FxFallback), options.FxFallback, () => new FxFallbackPolicy());
        options.EffectiveDates = Sub(section, nameof(MasterDataOptions.EffectiveDates), options.EffectiveDates, () => new EffectiveDateWindow());
        if (section[nameof(MasterDataOptions.AutoMergeThreshold)] is { } threshold)
            options.AutoMergeThreshold = double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ConfigurationException($"{MasterDataOptions.Section}:AutoMergeThreshold '{threshold}' is not a number; use e.g. 0.9.");
        return options;
    }

    private static T Sub<T>(IConfigurationSection parent, string name, T defaults, Func<T> empty)
    {
        var section = parent.GetSection(name);
        if (!section.Exists())
            return defaults;
        var options = empty();
        try
        {
            section.Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            var detail = e.InnerException is null ? e.Message : $"{e.Message} {e.InnerException.Message}";
            throw new ConfigurationException($"Setting in section '{section.Path}' is invalid: {detail}", e);
        }
        return options;
    }
}
