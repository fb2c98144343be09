using StreamFinance.Contracts.Catalog;
using StreamFinance.Topologies.Posting;
using StreamFinance.Topologies.Tests.DeadLetters;
using static StreamFinance.Topologies.Tests.Posting.TestApprovedExpenses;

namespace StreamFinance.Topologies.Tests.Posting;

/// <summary>Issue 11: a tombstone on the posting topology's source must become a dead letter, never stop the topology.</summary>
public sealed class PostingTombstoneTests
{
    [Fact]
    public void A_tombstone_on_expense_approved_is_dead_lettered_for_integration_support_and_later_expenses_still_post()
    {
        using var driver = new PostingDriver();
        driver.SendTombstone("E0");
        driver.Send(Us("E1", 5m, TenOClock.AddMinutes(5)));
        driver.Send(Us("E2", 7m, TenOClock.AddMinutes(75)));

        TombstoneDeadLetter.Assert(Assert.Single(driver.DeadLetters()), Topics.ApprovedExpenses.Name, "E0", offset: 0, PostingNames.Tombstones,
            "it always sends the full approved expense");
        Assert.Equal(["E1"], Assert.Single(driver.Journals()).Journal.ExpenseIds());
    }

    [Fact]
    public void A_tombstone_on_the_by_entity_repartition_is_dead_lettered_and_later_expenses_still_post()
    {
        using var driver = new PostingDriver();
        driver.SendByEntityTombstone("US01|USD");
        driver.Send(Us("E1", 5m, TenOClock.AddMinutes(5)));
        driver.Send(Us("E2", 7m, TenOClock.AddMinutes(75)));

        var deadLetter = Assert.Single(driver.DeadLetters());
        TombstoneDeadLetter.Assert(deadLetter, deadLetter.originTopic, "US01|USD", offset: 0, PostingNames.ByEntityTombstones,
            "the posting topology writes only approved expenses here");
        Assert.EndsWith($"{PostingNames.ByEntity}-repartition", deadLetter.originTopic);
        Assert.Equal(["E1"], Assert.Single(driver.Journals()).Journal.ExpenseIds());
    }
}
