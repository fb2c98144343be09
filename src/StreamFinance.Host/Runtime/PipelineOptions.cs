using StreamFinance.Host.Configuration;
using StreamFinance.Host.Provisioning;

namespace StreamFinance.Host.Runtime;

/// <summary>What one <c>demo</c> or <c>run</c> invocation asks of the pipeline.</summary>
/// <param name="Settings">Validated settings; Kafka and registry addresses already point at the stack to use.</param>
/// <param name="Provisioner">How topics are created on that stack.</param>
/// <param name="RunGenerator">Whether the sample-data generator feeds the ingest topics.</param>
/// <param name="LiveView">Whether to draw the records-per-topic table.</param>
/// <param name="Duration">Stop after this long; null runs until cancelled.</param>
public sealed record PipelineOptions(
    StreamFinanceSettings Settings,
    ITopicProvisioner Provisioner,
    bool RunGenerator,
    bool LiveView,
    TimeSpan? Duration);
