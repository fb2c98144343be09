using StreamFinance.Contracts.Outputs;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.Posting;

/// <summary>The four RocksDB stores of the window processor (keys and values in <see cref="PostingNames"/>).</summary>
/// <param name="OpenExpenses">Expenses in open windows, ordered by window start.</param>
/// <param name="ExpenseIds">Every expense id an entity's journals hold, open or posted.</param>
/// <param name="PostedExpiry">Posted ids ordered by window end, for the retention purge.</param>
/// <param name="Clock">The task's approval-time high-water mark.</param>
public sealed record PostingStores(
    IKeyValueStore<string, ApprovedExpense> OpenExpenses,
    IKeyValueStore<string, string> ExpenseIds,
    IKeyValueStore<string, string> PostedExpiry,
    IKeyValueStore<string, string> Clock)
{
    /// <summary>The names of the four stores, as the window processor is given them.</summary>
    public static string[] Names => [PostingNames.OpenExpensesStore, PostingNames.ExpenseIdsStore, PostingNames.PostedExpiryStore, PostingNames.ClockStore];
}
