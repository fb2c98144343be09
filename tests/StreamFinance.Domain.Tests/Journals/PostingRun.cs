using StreamFinance.Domain.Journals;

namespace StreamFinance.Domain.Tests.Journals;

/// <summary>Posts a set of expenses the way the topology does when nothing is late: contributions grouped by journal key (window of the approval time), one journal each.</summary>
internal static class PostingRun
{
    public static IReadOnlyList<Journal> Journals(IEnumerable<ExpenseToPost> expenses, PostingOptions options) =>
        expenses
            .SelectMany(e => PostingContributions.Of(e, options).Select(c => (Key: JournalKey.Of(c, PostingWindow.Containing(e.ApprovalTime, options.WindowSize)), Contribution: c)))
            .GroupBy(x => x.Key)
            .Select(g => JournalBuilder.Build(g.Key, g.Select(x => x.Contribution)))
            .ToList();
}
