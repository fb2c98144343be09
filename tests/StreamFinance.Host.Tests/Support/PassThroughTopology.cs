using Microsoft.Extensions.Logging;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Observability;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;
using StreamFinance.Kafka;

namespace StreamFinance.Host.Tests.Support;

/// <summary>
/// A test topology: copies the raw bytes of <c>ingest.expenses</c> to <c>expense.approved</c>, counting them, and logs
/// each record inside its record scope (correlation id <c>corr-{key}</c>). With <paramref name="carelessLog"/> it also
/// logs that text once while it is built, as a careless connector might log a credential.
/// </summary>
internal sealed class PassThroughTopology(string name, string? carelessLog = null) : IStreamTopology
{
    public const string LogMessage = "Passed on record";

    public string Name => name;

    public string Description => "Copies expenses to approved expenses, for tests.";

    public Topic<string, StreamFinance.Contracts.Outputs.DeadLetter> DeadLetterTopic => Topics.ExpenseDeadLetters;

    public IReadOnlyList<TopicSpec> Inputs => [Topics.Expenses];

    public IReadOnlyList<TopicSpec> Outputs => [Topics.ApprovedExpenses];

    public void Build(StreamBuilder builder, TopologyContext context)
    {
        var logger = context.LoggerFactory.CreateLogger($"StreamFinance.Tests.{name}");
        if (carelessLog is not null)
            logger.LogWarning("Upstream refused the request: {Detail}", carelessLog);
        builder.Stream(Topics.Expenses.Name, new StringSerDes(), new ByteArraySerDes())
            .CountConsumed(context.Metrics, Topics.Expenses.Name)
            .Peek((key, _, record) =>
            {
                using (logger.BeginRecordScope($"corr-{key}", record))
                    logger.LogInformation(LogMessage + " {Key}", key);
            }, "log-each")
            .CountProduced(context.Metrics, Topics.ApprovedExpenses.Name)
            .To(Topics.ApprovedExpenses.Name, new StringSerDes(), new ByteArraySerDes());
    }
}
