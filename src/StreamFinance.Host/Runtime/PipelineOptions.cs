using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Mapping.Outbound;
using StreamFinance.Connectors.Sources;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Provisioning;
using StreamFinance.Topologies;
using StreamFinance.Kafka;

namespace StreamFinance.Host.Runtime;

/// <summary>What one <c>demo</c> or <c>run</c> invocation asks of the pipeline.</summary>
/// <param name="Settings">Validated settings; Kafka and registry addresses already point at the stack to use.</param>
/// <param name="Provisioner">How topics are created on that stack.</param>
/// <param name="RunGenerator">Whether the sample-data generator feeds the ingest topics.</param>
/// <param name="LiveView">Whether to draw the records-per-topic table.</param>
/// <param name="Duration">Stop after running this long, counted from the end of the start; null runs until cancelled.</param>
/// <param name="Topologies">The topologies to run; null (the default) runs <see cref="TopologyCatalog.All"/>.</param>
/// <param name="ConfigureLogging">More logging set-up after the console output and before secret masking (tests capture the log here); default none.</param>
/// <param name="OnListening">Told the base address of <c>/metrics</c> and <c>/health</c> once it listens, before the topologies start; default none.</param>
/// <param name="Mappers">Mapping profiles for the configured connectors (the mapping engine's catalog); default none, and then only generator connectors can run.</param>
/// <param name="Formats">Source formats for the configured connectors; default none.</param>
/// <param name="Outbound">Outbound profiles for the configured ERP sinks; default none, and then no ERP sink can run.</param>
public sealed record PipelineOptions(
    StreamFinanceSettings Settings,
    ITopicProvisioner Provisioner,
    bool RunGenerator,
    bool LiveView,
    TimeSpan? Duration,
    IReadOnlyList<IStreamTopology>? Topologies = null,
    Action<ILoggingBuilder>? ConfigureLogging = null,
    Action<Uri>? OnListening = null,
    IMapperSource? Mappers = null,
    ISourceFormatRegistry? Formats = null,
    OutboundProfileCatalog? Outbound = null);
