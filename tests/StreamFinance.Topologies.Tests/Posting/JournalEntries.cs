using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Topologies.Tests.Posting;

/// <summary>Reading journals in tests.</summary>
internal static class JournalEntries
{
    public static decimal Sum(this JournalEntry journal, JournalSide side) => journal.lines.Where(l => l.side == side).Sum(l => l.amount.ToDecimal());

    public static IEnumerable<string> ExpenseIds(this JournalEntry journal) => journal.lines.SelectMany(l => l.sourceIds).Distinct();
}
