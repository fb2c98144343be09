using StreamFinance.Domain.Procurement;
using Microsoft.Extensions.Configuration;
using StreamFinance.Domain.Journals;
using StreamFinance.Domain.Expenses;
using StreamFinance.Host.Api;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Domain.MasterData;

namespace StreamFinance.Host.Configuration;

/// <summary>All validated settings of one StreamFinance process, one options class per concern.</summary>
public sealed record StreamFinanceSettings(
    KafkaOptions Kafka,
    SchemaRegistryOptions SchemaRegistry,
    StreamsOptions Streams,
    GeneratorOptions Generator,
    ObservabilityOptions Observability,
    LoggingOptions Logging,
    ValidationApiOptions Api,
    IConfiguration Configuration)
{
    /// <summary>Policies of the master-data topology (section <c>MasterData</c>, see <see cref="MasterDataSettings"/>). Default <see cref="MasterDataOptions.Default"/>.</summary>
    public MasterDataOptions MasterData { get; init; } = MasterDataOptions.Default();

    /// <summary>Posting windows and accounts of the posting topology (section <c>Posting</c>, see <see cref="PostingOptions"/>). Default <see cref="PostingOptions.Default"/>.</summary>
    public PostingOptions Posting { get; init; } = PostingOptions.Default();

    /// <summary>Connectors by name (section <c>Connectors</c>, see <see cref="ConnectorOptions"/>). Default none.</summary>
    public IReadOnlyDictionary<string, ConnectorOptions> Connectors { get; init; } = new Dictionary<string, ConnectorOptions>();

    /// <summary>Expense policy of the expense topology (section <c>Expenses</c>, see <see cref="ExpenseSettings"/>). Default <see cref="ExpenseOptions.Default"/>.</summary>
    public ExpenseOptions Expenses { get; init; } = ExpenseOptions.Default();

    /// <summary>Settings of the procurement topology (section <c>Procurement</c>, see <see cref="ProcurementOptions"/>). Default <see cref="ProcurementOptions.Default"/>.</summary>
    public ProcurementOptions Procurement { get; init; } = ProcurementOptions.Default();

    /// <summary>Where the connectors' mapping profiles are read from (section <c>Mapping</c>, see <see cref="MappingOptions"/>). Default: <c>Profiles</c> next to the executable.</summary>
    public MappingOptions Mapping { get; init; } = new();

    /// <summary>How topologies are restarted after a failure or stall (section <c>Supervision</c>, see <see cref="SupervisionOptions"/>). Default <see cref="SupervisionOptions"/>' defaults.</summary>
    public SupervisionOptions Supervision { get; init; } = new();

    /// <summary>The audit trail's retention (section <c>Audit</c>, see <see cref="AuditOptions"/>). Default seven years.</summary>
    public AuditOptions Audit { get; init; } = new();

    /// <summary>Binds every section and validates it; all problems are reported at once. Secrets may come from files (<see cref="SecretFiles"/>).</summary>
    public static StreamFinanceSettings Bind(IConfiguration configuration)
    {
        configuration = SecretFiles.Resolve(configuration);
        var settings = new StreamFinanceSettings(
            BindSection<KafkaOptions>(configuration, KafkaOptions.Section),
            BindSection<SchemaRegistryOptions>(configuration, SchemaRegistryOptions.Section),
            BindSection<StreamsOptions>(configuration, StreamsOptions.Section),
            BindSection<GeneratorOptions>(configuration, GeneratorOptions.Section),
            BindSection<ObservabilityOptions>(configuration, ObservabilityOptions.Section),
            // Lenient: the rest of the Logging section (LogLevel, Console, ...) is Microsoft.Extensions.Logging's.
            BindSection<LoggingOptions>(configuration, LoggingOptions.Section, errorOnUnknown: false),
            BindSection<ValidationApiOptions>(configuration, ValidationApiOptions.Section),
            configuration)
        {
            MasterData = MasterDataSettings.Bind(configuration),
            Posting = BindSection<PostingOptions>(configuration, PostingOptions.Section),
            Connectors = BindSection<Dictionary<string, ConnectorOptions>>(configuration, ConnectorOptions.Section),
            Expenses = ExpenseSettings.Bind(configuration),
            Procurement = BindSection<ProcurementOptions>(configuration, ProcurementOptions.Section),
            Mapping = BindSection<MappingOptions>(configuration, MappingOptions.Section),
            Supervision = BindSection<SupervisionOptions>(configuration, SupervisionOptions.Section),
            Audit = BindSection<AuditOptions>(configuration, AuditOptions.Section),
        };
        var problems = settings.Kafka.Validate()
            .Concat(settings.SchemaRegistry.Validate())
            .Concat(settings.Streams.Validate())
            .Concat(settings.Generator.Validate())
            .Concat(settings.Observability.Validate())
            .Concat(settings.MasterData.Validate())
            .Concat(settings.Posting.Validate())
            .Concat(settings.Expenses.Validate())
            .Concat(settings.Procurement.Validate())
            .Concat(settings.Api.Validate())
            .Concat(settings.Mapping.Validate())
            .Concat(settings.Supervision.Validate())
            .Concat(settings.Audit.Validate())
            .Concat(settings.Connectors.SelectMany(c => c.Value.Validate(c.Key)))
            .ToList();
        if (problems.Count > 0)
            throw new ConfigurationException(string.Join(" ", problems));
        return settings;
    }

    private static T BindSection<T>(IConfiguration configuration, string section, bool errorOnUnknown = true) where T : new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options, o => o.ErrorOnUnknownConfiguration = errorOnUnknown);
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the key and the type ("Failed to convert configuration value at 'Streams:NumStreamThreads' to type 'System.Int32'").
            var detail = e.InnerException is null ? e.Message : $"{e.Message} {e.InnerException.Message}";
            throw new ConfigurationException($"Setting in section '{section}' is invalid: {detail}", e);
        }
        return options;
    }
}
