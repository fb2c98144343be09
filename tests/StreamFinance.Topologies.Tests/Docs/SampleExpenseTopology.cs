using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Table;
using StreamFinance.Kafka;

namespace StreamFinance.Topologies.Tests.Docs;

/// <summary>
/// A topology with one of everything the docs draw: a source, a named filter and map, a GlobalKTable join, a named
/// branch into two sinks (one named), a re-key (repartition) and an aggregate into a named store. The join and
/// the map values after the branch are left unnamed on purpose.
/// </summary>
internal sealed class SampleExpenseTopology : IStreamTopology
{
    public const string TopologyName = "docs-sample";

    public string Name => TopologyName;

    public string Description => "Routes sample expenses and counts them per employee.";

    public Topic<string, StreamFinance.Contracts.Outputs.DeadLetter> DeadLetterTopic => Topics.ExpenseDeadLetters;

    public IReadOnlyList<TopicSpec> Inputs => [Topics.Expenses, Topics.CostCenters];

    public IReadOnlyList<TopicSpec> Outputs => [Topics.ApprovedExpenses, Topics.ExpenseDeadLetters, Topics.ExpenseStatus];

    public void Build(StreamBuilder builder, TopologyContext context)
    {
        var costCenters = builder.GlobalTable(
            Topics.CostCenters.Name, SerDesFactory.Key(), context.SerDes.Avro<CostCenter>(), InMemory.As<string, CostCenter>("expense.cost-centers"), "expense.cost-center-table");

        var expenses = builder.Stream(Topics.Expenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ExpenseLine>(), "expense.read")
            .Filter((_, expense, _) => expense is not null, "expense.drop-empty")
            .MapValues((_, expense, _) => expense, "expense.normalise")
            .Join(costCenters, (key, _) => key, (expense, _) => expense);

        var routes = expenses.Branch("expense.route", (_, expense, _) => expense.receiptAttached, (_, _, _) => true);
        routes[0].MapValues((_, _, _) => new ApprovedExpense(), "expense.approve")
            .To(Topics.ApprovedExpenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ApprovedExpense>(), "expense.write-approved");
        routes[1].MapValues((_, _, _) => new DeadLetter())
            .To(Topics.ExpenseDeadLetters.Name, SerDesFactory.Key(), context.SerDes.Avro<DeadLetter>());

        // Re-keyed by employee so that each employee's count lives in one partition.
        expenses.GroupBy<string>((_, expense, _) => expense.employeeId, "expense.by-employee")
            .Count(InMemory.As<string, long>("expense.counts"), "expense.count")
            .ToStream("expense.counts-stream")
            .MapValues((_, _, _) => new StatusUpdate(), "expense.status")
            .To(Topics.ExpenseStatus.Name, SerDesFactory.Key(), context.SerDes.Avro<StatusUpdate>(), "expense.write-status");
    }
}
