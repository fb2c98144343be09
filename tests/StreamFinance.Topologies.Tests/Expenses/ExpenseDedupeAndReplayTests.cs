using StreamFinance.Contracts.MasterData;
using StreamFinance.Topologies.Expenses;
using static StreamFinance.Topologies.Tests.Expenses.ExpenseWorld;

namespace StreamFinance.Topologies.Tests.Expenses;

public sealed class ExpenseDedupeAndReplayTests
{
    [Fact]
    public void A_re_delivery_of_an_approved_expense_line_is_dropped()
    {
        using var driver = new ExpenseDriver();
        var line = Expense("EXP-1");
        driver.Send(line);
        driver.Send(line);

        Assert.Single(driver.Approved());
        Assert.Empty(driver.DeadLetters());
    }

    [Fact]
    public void A_re_delivery_of_a_dead_lettered_line_that_is_not_a_replay_is_dropped()
    {
        using var driver = new ExpenseDriver();
        var line = Expense("EXP-1", costCenter: "CC-1042");
        driver.Send(line);
        driver.Send(line);

        Assert.Single(driver.DeadLetters());
        Assert.Empty(driver.Approved());
    }

    [Fact]
    public void A_dead_lettered_line_replayed_after_the_master_data_fix_is_approved_once()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1", costCenter: "CC-2042"));
        driver.TimePasses(driver.Options.MasterDataWaitHorizon);
        var deadLetter = driver.DeadLetterOne();
        Assert.Equal("UNKNOWN_COST_CENTER", deadLetter.reasonCode);

        driver.MasterData(CostCenterCreated("CC-2042"));
        driver.Replay(deadLetter, attempt: 1);

        var approved = driver.ApprovedOne();
        Assert.Equal(("EXP-1", "CC-2042"), (approved.expense.expenseId, approved.costCenterId));
        Assert.Empty(driver.DeadLetters());
    }

    [Fact]
    public void Replaying_the_same_dead_letter_twice_posts_once()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1", costCenter: "CC-2042"));
        driver.TimePasses(driver.Options.MasterDataWaitHorizon);
        var deadLetter = driver.DeadLetterOne();
        driver.MasterData(CostCenterCreated("CC-2042"));

        driver.Replay(deadLetter, attempt: 1);
        driver.Replay(deadLetter, attempt: 1);

        Assert.Single(driver.Approved());
        Assert.Empty(driver.DeadLetters());
    }

    [Fact]
    public void A_replay_before_the_fix_waits_again_and_is_dead_lettered_with_the_next_attempt_count()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1", costCenter: "CC-2042"));
        driver.TimePasses(driver.Options.MasterDataWaitHorizon);
        var first = driver.DeadLetterOne();

        driver.Replay(first, attempt: 1);
        Assert.Equal(["concur:EXP-1:1"], driver.Waiting());
        driver.TimePasses(driver.Options.MasterDataWaitHorizon);

        var second = driver.DeadLetterOne();
        Assert.Equal((1, 2), (first.attemptCount, second.attemptCount));
        Assert.Equal(first.rawValue, second.rawValue);
        Assert.Empty(driver.Approved());
    }

    [Fact]
    public void The_dedupe_store_remembers_each_key_with_its_outcome_and_first_seen_day()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1"));
        driver.Send(Expense("EXP-2", costCenter: "CC-1042"));

        Assert.Equal("Approved|2026-04-20", driver.DedupeOutcome("concur:EXP-1:1"));
        Assert.Equal("DeadLettered|2026-04-20", driver.DedupeOutcome("concur:EXP-2:1"));
        // With the record that decided it (topic:partition:offset@timestamp) and when, so that a redo is told from a re-delivery.
        Assert.Matches(@"^Approved\|2026-04-20\|ingest\.expenses:0:0@\d+\|2026-04-20T09:00:00\.0000000\+00:00$", driver.DedupeEntry("concur:EXP-1:1"));
        Assert.Matches(@"^DeadLettered\|2026-04-20\|ingest\.expenses:0:1@\d+\|2026-04-20T09:00:00\.0000000\+00:00$", driver.DedupeEntry("concur:EXP-2:1"));
    }

    private static (string, MasterDataHistory) CostCenterCreated(string id) =>
        ("COST_CENTER:" + id, new MasterDataHistory
        {
            objectType = MasterDataObjectType.COST_CENTER,
            businessKey = id,
            versions =
            [
                new MasterDataVersion
                {
                    effectiveFrom = Day("2026-01-01"),
                    deleted = false,
                    update = new MasterDataUpdate
                    {
                        envelope = new StreamFinance.Contracts.Common.Envelope
                        {
                            eventId = Guid.NewGuid(), correlationId = "fix", sourceSystem = "sap-s4", sourceId = id,
                            eventTime = Day("2026-04-20"), ingestTime = Day("2026-04-20"), idempotencyKey = "fix:" + id,
                        },
                        objectType = MasterDataObjectType.COST_CENTER, businessKey = id, operation = MasterDataOperation.UPSERT, effectiveDate = Day("2026-01-01"),
                        payload = new CostCenter
                        {
                            envelope = new StreamFinance.Contracts.Common.Envelope
                            {
                                eventId = Guid.NewGuid(), correlationId = "fix", sourceSystem = "sap-s4", sourceId = id,
                                eventTime = Day("2026-04-20"), ingestTime = Day("2026-04-20"), idempotencyKey = "fix:" + id,
                            },
                            costCenterId = id, name = "Created", legalEntityId = "US01", status = CostCenterStatus.ACTIVE,
                            validFrom = Day("2026-01-01"), validTo = null, ownerEmployeeId = "E-US-1", effectiveFrom = Day("2026-01-01"),
                        },
                    },
                },
            ],
        });
}
