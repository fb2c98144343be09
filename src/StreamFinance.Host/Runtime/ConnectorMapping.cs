using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Mapping.Outbound;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Sources.Formats;
using StreamFinance.Host.Configuration;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// The mapping engine as <c>demo</c> and <c>run</c> wire it into <see cref="PipelineOptions"/>: a watching
/// <see cref="MappingProfileCatalog"/> over <see cref="MappingOptions.ProfilesPath"/> (edits reload without a restart;
/// each connector maps with the version in force through a <see cref="ReloadingRecordMapper"/>)
/// and <see cref="SourceFormats.Default"/> as the format registry. Dispose it when the pipeline has stopped.
/// </summary>
public sealed class ConnectorMapping : IDisposable
{
    private const string LoggerCategory = "StreamFinance.Connectors.Mapping";
    private readonly MappingProfileCatalog? catalog;

    private ConnectorMapping(MappingProfileCatalog? catalog, string directory, ILogger logger, OutboundProfileCatalog? outbound = null)
    {
        this.catalog = catalog;
        Outbound = outbound;
        Directory = directory;
        // Each connector follows its profile's version in force, so an edited profile applies without a restart.
        Mappers = catalog is null ? null : MapperSource.From(name => new ReloadingRecordMapper(catalog, catalog.Get(name), logger));
        Formats = catalog is null ? null : SourceFormatRegistry.From(name => SourceFormats.Default.TryGet(name, out var format) ? format : null);
    }

    /// <summary>The profile folder in full.</summary>
    public string Directory { get; }

    /// <summary>The loaded profiles by name; null when the default folder does not exist (then only generator connectors can run).</summary>
    public IMapperSource? Mappers { get; }

    /// <summary>The source formats (<see cref="SourceFormats.Default"/>); null when <see cref="Mappers"/> is.</summary>
    public ISourceFormatRegistry? Formats { get; }

    /// <summary>The outbound profiles of the ERP sinks (folder <c>outbound</c> of the profile folder, watched the same way); null when that folder does not exist.</summary>
    public OutboundProfileCatalog? Outbound { get; }

    /// <summary>The names of the profiles in force, sorted; empty when none are loaded.</summary>
    public IReadOnlyList<string> ProfileNames => catalog is null ? [] : catalog.Profiles.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Loads every profile of <see cref="StreamFinanceSettings.Mapping"/>'s folder and starts watching it. A missing
    /// default folder is tolerated (no profiles); a missing configured folder is not.
    /// </summary>
    /// <exception cref="ConfigurationException">A profile is invalid (<c>file:line: problem</c>), or the configured folder does not exist.</exception>
    public static ConnectorMapping Load(StreamFinanceSettings settings, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggers);
        var options = settings.Mapping;
        var directory = options.ProfilesPath;
        if (!System.IO.Directory.Exists(directory))
        {
            if (options.IsDirectorySet)
                throw new ConfigurationException(
                    $"{MappingOptions.Section}:ProfilesDirectory '{directory}' does not exist; name the folder that holds the *.yaml mapping profiles.");
            return new ConnectorMapping(null, directory, loggers.CreateLogger(LoggerCategory));
        }

        var logger = loggers.CreateLogger(LoggerCategory);
        MappingProfileCatalog catalog;
        try
        {
            catalog = new MappingProfileCatalog(directory, logger: logger);
        }
        catch (MappingProfileException e)
        {
            throw new ConfigurationException($"mapping profile {e.File}:{e.Line}: {e.Problem} Fix the profile and start again.", e);
        }
        catalog.Reloaded += (_, args) => logger.LogInformation(
            "Mapping profiles in {Directory} reloaded: {Count} in force, {Rejected} rejected", directory, args.InForce.Count, args.Rejected.Count);
        var outboundDirectory = Path.Combine(directory, OutboundProfileCatalog.Folder);
        OutboundProfileCatalog? outbound = null;
        if (System.IO.Directory.Exists(outboundDirectory))
        {
            try
            {
                outbound = new OutboundProfileCatalog(outboundDirectory, logger);
            }
            catch (MappingProfileException e)
            {
                catalog.Dispose();
                throw new ConfigurationException($"outbound profile {e.File}:{e.Line}: {e.Problem} Fix the profile and start again.", e);
            }
            outbound.Reloaded += (_, args) => logger.LogInformation(
                "Outbound profiles in {Directory} reloaded: {Count} in force, {Rejected} rejected", outboundDirectory, args.InForce.Count, args.Rejected.Count);
        }
        return new ConnectorMapping(catalog, directory, logger, outbound);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        catalog?.Dispose();
        Outbound?.Dispose();
    }
}
