namespace StreamFinance.Host.Tests.Support;

/// <summary>
/// Tests that run a whole pipeline in this process. They run one at a time and apart from other tests: Streamiz
/// keeps its logger factory in a static field that each new KafkaStream replaces, and each pipeline needs the CPU.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PipelineCollection
{
    public const string Name = "pipeline";
}
