using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Topologies;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using StreamFinance.Kafka;

namespace StreamFinance.Host.Tests.Documentation;

/// <summary>Small topologies for the docs command: one that builds and one that does not.</summary>
internal static class DocsTopologies
{
    public static IStreamTopology Approving { get; } = new Topology("approving", context => builder =>
        builder.Stream(Topics.Expenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "approving.read")
            .MapValues((_, _, _) => new ApprovedExpense(), "approving.approve")
            .To(Topics.ApprovedExpenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ApprovedExpense>(), "approving.write"));

    public static IStreamTopology Broken { get; } = new Topology("broken", _ => _ =>
        throw new InvalidOperationException("policy file 'limits.json' was not found"));

    private sealed class Topology(string name, Func<TopologyContext, Action<StreamBuilder>> build) : IStreamTopology
    {
        public string Name => name;

        public string Description => $"Docs test topology {name}.";

        public Topic<string, StreamFinance.Contracts.Outputs.DeadLetter> DeadLetterTopic => Topics.ExpenseDeadLetters;

        public IReadOnlyList<TopicSpec> Inputs => [Topics.Expenses];

        public IReadOnlyList<TopicSpec> Outputs => [Topics.ApprovedExpenses];

        public void Build(StreamBuilder builder, TopologyContext context) => build(context)(builder);
    }
}
