using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;
using Streamiz.Kafka.Net.Table;

namespace StreamFinance.IntegrationTests.Scenarios;

/// <summary>
/// A test topology with both kinds of internal topic: expenses keyed by expense id with value
/// <c>employeeId|amount</c> are counted per employee, and every new count goes to the output topic.
/// </summary>
public static class ExpenseCountTopology
{
    /// <summary>Name of the repartition step (topic <c>&lt;app&gt;-expenses-by-employee-repartition</c>).</summary>
    public const string RepartitionName = "expenses-by-employee";

    /// <summary>Name of the count store (changelog <c>&lt;app&gt;-expense-count-per-employee-changelog</c>).</summary>
    public const string StoreName = "expense-count-per-employee";

    /// <summary>Builds the topology from <paramref name="expensesTopic"/> to <paramref name="countsTopic"/>.</summary>
    public static Topology Build(string expensesTopic, string countsTopic)
    {
        var builder = new StreamBuilder();
        builder.Stream(expensesTopic, new StringSerDes(), new StringSerDes())
            // Re-key by employee: the count must see all of one employee's expenses in one task.
            .GroupBy<string, StringSerDes, StringSerDes>((_, value, _) => value.Split('|')[0], RepartitionName)
            .Count(InMemory.As<string, long>(StoreName))
            .ToStream()
            .MapValues((count, _) => count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .To(countsTopic, new StringSerDes(), new StringSerDes());
        return builder.Build();
    }
}
