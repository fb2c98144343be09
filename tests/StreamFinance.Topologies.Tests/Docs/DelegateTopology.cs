using StreamFinance.Contracts.Catalog;
using Streamiz.Kafka.Net;
using StreamFinance.Kafka;

namespace StreamFinance.Topologies.Tests.Docs;

/// <summary>A topology whose declaration and build are given by the test.</summary>
internal sealed class DelegateTopology(
    string name, IReadOnlyList<TopicSpec> inputs, IReadOnlyList<TopicSpec> outputs, Action<StreamBuilder, TopologyContext> build) : IStreamTopology
{
    public string Name => name;

    public string Description => $"Test topology {name}.";

    public Topic<string, StreamFinance.Contracts.Outputs.DeadLetter> DeadLetterTopic => Topics.ExpenseDeadLetters;

    public IReadOnlyList<TopicSpec> Inputs => inputs;

    public IReadOnlyList<TopicSpec> Outputs => outputs;

    public void Build(StreamBuilder builder, TopologyContext context) => build(builder, context);
}
