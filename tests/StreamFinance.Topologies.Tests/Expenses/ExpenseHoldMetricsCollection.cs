namespace StreamFinance.Topologies.Tests.Expenses;

/// <summary>
/// Tests that read the process-wide gauge of held records run alone: expense tests running in parallel would move the
/// same series.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExpenseHoldMetricsCollection
{
    public const string Name = "expense hold metrics";
}
