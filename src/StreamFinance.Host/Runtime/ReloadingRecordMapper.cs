using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// A connector's view of one profile of a watching <see cref="MappingProfileCatalog"/>: every record is mapped by the
/// version in force, so an edited profile applies to the next record without a restart. The format and target topic
/// were checked against the connector at start, so a reloaded version that changes either is not taken (an error is
/// logged once per such version) and the last compatible version stays in force; such a change needs a restart.
/// </summary>
public sealed class ReloadingRecordMapper : IRecordMapper
{
    private readonly MappingProfileCatalog catalog;
    private readonly ILogger logger;
    private IRecordMapper current;
    private IRecordMapper? refused;

    /// <summary>Follows profile <paramref name="initial"/>'s name in <paramref name="catalog"/>, starting with <paramref name="initial"/>.</summary>
    public ReloadingRecordMapper(MappingProfileCatalog catalog, IRecordMapper initial, ILogger logger)
    {
        this.catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        current = initial ?? throw new ArgumentNullException(nameof(initial));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        ProfileName = initial.ProfileName;
        Format = initial.Format;
        TargetTopic = initial.TargetTopic;
    }

    /// <inheritdoc />
    public string ProfileName { get; }

    /// <inheritdoc />
    public string ProfileVersion => Current.ProfileVersion;

    /// <inheritdoc />
    public string SourceSystem => Current.SourceSystem;

    /// <summary>The format of the version in force at start; fixed for the connector's life.</summary>
    public string Format { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> FormatOptions => Current.FormatOptions;

    /// <summary>The target of the version in force at start; fixed for the connector's life.</summary>
    public TopicSpec TargetTopic { get; }

    /// <inheritdoc />
    public IReadOnlyList<SensitiveField> SensitiveFields => Current.SensitiveFields;

    /// <inheritdoc />
    public MappingResult Map(SourceRecord record, DateTime ingestTime) => Current.Map(record, ingestTime);

    private IRecordMapper Current
    {
        get
        {
            if (!catalog.TryGet(ProfileName, out var latest) || ReferenceEquals(latest, Volatile.Read(ref current)))
                return Volatile.Read(ref current);
            if (latest.Format == Format && latest.TargetTopic.Name == TargetTopic.Name)
            {
                Volatile.Write(ref current, latest);
                return latest;
            }
            if (!ReferenceEquals(Interlocked.Exchange(ref refused, latest), latest))
                logger.LogError(
                    "Mapping profile {Profile} was reloaded with format {Format} and target {Target}, but its connectors started with {StartFormat} and {StartTarget}; " +
                    "the previous version stays in force. Restart to apply a new format or target.",
                    latest.ProfileId, latest.Format, latest.TargetTopic.Name, Format, TargetTopic.Name);
            return Volatile.Read(ref current);
        }
    }
}
