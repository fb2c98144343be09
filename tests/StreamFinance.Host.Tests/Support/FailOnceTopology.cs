using StreamFinance.Contracts.Catalog;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Observability;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;
using StreamFinance.Kafka;

namespace StreamFinance.Host.Tests.Support;

/// <summary>
/// A test topology that copies <c>ingest.expenses</c> to <c>expense.approved</c> and throws the first time it meets the
/// key <see cref="FailingKey"/>, as a transient failure inside processing would: Streamiz then stops its only stream
/// thread and the stream goes to ERROR. The topology object outlives its streams, so the record passes the next time.
/// </summary>
internal sealed class FailOnceTopology(string name) : IStreamTopology
{
    public const string FailingKey = "fails-once";
    private int failed;

    public string Name => name;

    public string Description => "Copies expenses to approved expenses, failing once on one key, for tests.";

    public Topic<string, StreamFinance.Contracts.Outputs.DeadLetter> DeadLetterTopic => Topics.ExpenseDeadLetters;

    public IReadOnlyList<TopicSpec> Inputs => [Topics.Expenses];

    public IReadOnlyList<TopicSpec> Outputs => [Topics.ApprovedExpenses];

    public void Build(StreamBuilder builder, TopologyContext context) =>
        builder.Stream(Topics.Expenses.Name, new StringSerDes(), new ByteArraySerDes())
            .CountConsumed(context.Metrics, Topics.Expenses.Name)
            .Peek((key, _, _) =>
            {
                if (key == FailingKey && Interlocked.Exchange(ref failed, 1) == 0)
                    throw new InvalidOperationException($"Simulated transient failure on record '{key}'.");
            }, "fail-once")
            .CountProduced(context.Metrics, Topics.ApprovedExpenses.Name)
            .To(Topics.ApprovedExpenses.Name, new StringSerDes(), new ByteArraySerDes());
}
