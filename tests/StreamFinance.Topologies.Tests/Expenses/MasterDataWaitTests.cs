using System.Text;
using Confluent.Kafka;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Topologies.Expenses;
using static StreamFinance.Topologies.Tests.Expenses.ExpenseWorld;

namespace StreamFinance.Topologies.Tests.Expenses;

/// <summary>
/// Issue 11, start-up race: an expense line that fails only because master data has not arrived yet waits in
/// <see cref="ExpenseNames.MasterDataWaitStore"/> and is re-evaluated when master data changes, up to the wait horizon.
/// </summary>
public sealed class MasterDataWaitTests
{
    [Fact]
    public void A_line_of_an_employee_not_yet_in_master_data_waits_and_is_approved_when_the_employee_arrives()
    {
        using var driver = new ExpenseDriver();
        driver.MasterData(Rate("EUR", "USD", "2026-04-10", 1.08m));
        driver.Send(Expense("EXP-1", employee: "E-US-9", amount: 50m, currency: "EUR"));
        driver.WaitCheckPasses();

        Assert.Empty(driver.DeadLetters());
        Assert.Empty(driver.Approved());
        Assert.Equal(["concur:EXP-1:1"], driver.Waiting());
        Assert.Equal(1, driver.Metrics.Holds.Held(ExpenseNames.MasterDataWaitStore));

        driver.MasterData(Hired("E-US-9", "US01", "CC-1000"));
        driver.WaitCheckPasses();

        var approved = driver.ApprovedOne();
        Assert.Equal(("EXP-1", "E-US-9", "US01", "CC-1000"), (approved.expense.expenseId, approved.expense.employeeId, approved.legalEntityId, approved.costCenterId));
        Assert.Equal((54.00m, "USD"), (approved.functionalAmount.ToDecimal(), approved.functionalAmount.currency));
        Assert.Equal(1.08m, AvroDecimals.ToDecimal(approved.fxRate));
        Assert.Equal("US01-2026-04", approved.postingPeriodId);
        Assert.Empty(driver.DeadLetters());
        Assert.Empty(driver.Waiting());
        Assert.Equal(0, driver.Metrics.Holds.Held(ExpenseNames.MasterDataWaitStore));
        Assert.Equal("Approved|2026-04-20", driver.DedupeOutcome("concur:EXP-1:1"));
    }

    [Fact]
    public void A_line_whose_master_data_never_arrives_is_dead_lettered_with_its_original_reason_at_the_wait_horizon()
    {
        using var driver = new ExpenseDriver();
        var line = Expense("EXP-1", employee: "E-US-9");
        driver.Send(line);
        driver.TimePasses(driver.Options.MasterDataWaitHorizon - TimeSpan.FromMinutes(1));
        Assert.Empty(driver.DeadLetters());

        driver.TimePasses(TimeSpan.FromMinutes(1));

        var deadLetter = driver.DeadLetterOne();
        Assert.Equal(("UNKNOWN_EMPLOYEE", OwnerRole.FINANCE_OPS, "expense.validate"), (deadLetter.reasonCode, deadLetter.ownerRole, deadLetter.processor));
        Assert.StartsWith("Expense line EXP-1 of employee E-US-9: employee E-US-9 is unknown (field employeeId).", deadLetter.message);
        Assert.Contains("waited from 2026-04-20 09:00 UTC for 1.00:00:00", deadLetter.message);
        Assert.Equal((Topics.Expenses.Name, 0, 0L), (deadLetter.originTopic, deadLetter.originPartition, deadLetter.originOffset));
        Assert.Equal("EXP-1", Encoding.UTF8.GetString(deadLetter.rawKey));
        Assert.Equal("concur:EXP-1:1", deadLetter.idempotencyKey);
        Assert.Empty(driver.Waiting());
        Assert.Empty(driver.Approved());
        Assert.Equal("DeadLettered|2026-04-20", driver.DedupeOutcome("concur:EXP-1:1"));

        // The dead letter keeps the line's bytes: replayed once the employee exists, it is approved.
        driver.MasterData(Hired("E-US-9", "US01", "CC-1000"));
        driver.Replay(deadLetter, attempt: 1);
        Assert.Equal("EXP-1", driver.ApprovedOne().expense.expenseId);
    }

    [Fact]
    public void A_cost_center_known_to_be_inactive_is_dead_lettered_at_once_and_never_waits()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1", costCenter: "CC-1042"));

        Assert.Equal("INACTIVE_COST_CENTER", driver.DeadLetterOne().reasonCode);
        Assert.Empty(driver.Waiting());
        Assert.Equal("DeadLettered|2026-04-20", driver.DedupeOutcome("concur:EXP-1:1"));
    }

    [Fact]
    public void A_line_that_also_breaks_a_rule_of_known_master_data_is_dead_lettered_at_once_with_every_violation()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1", costCenter: "CC-1042", project: "PRJ-NEW"));

        var deadLetter = driver.DeadLetterOne();
        Assert.Equal("INACTIVE_COST_CENTER", deadLetter.reasonCode);
        Assert.Contains("also project PRJ-NEW is unknown (field projectId)", deadLetter.message);
        Assert.Empty(driver.Waiting());
    }

    [Fact]
    public void A_re_delivery_or_replay_of_a_waiting_line_is_dropped_and_the_line_is_released_once()
    {
        using var driver = new ExpenseDriver();
        var line = Expense("EXP-1", employee: "E-US-9");
        driver.Send(line);
        driver.Send(line);
        driver.SendReplay(line, attempt: 1);
        Assert.Equal(["concur:EXP-1:1"], driver.Waiting());
        Assert.Equal("Held|2026-04-20", driver.DedupeOutcome("concur:EXP-1:1"));

        driver.MasterData(Hired("E-US-9", "US01", "CC-1000"));
        driver.WaitCheckPasses();
        driver.Send(line);
        driver.WaitCheckPasses();

        Assert.Single(driver.Approved());
        Assert.Empty(driver.DeadLetters());
        Assert.Empty(driver.Waiting());
        Assert.Equal("Approved|2026-04-20", driver.DedupeOutcome("concur:EXP-1:1"));
    }

    public static TheoryData<string> WaitCases() => ["cost-center", "project", "tax-code", "fx-rate", "period"];

    [Theory]
    [MemberData(nameof(WaitCases))]
    public void A_line_waiting_for_master_data_is_released_when_that_master_data_arrives(string @case)
    {
        using var driver = new ExpenseDriver();
        var (line, arrives) = WaitCase(@case);
        driver.Send(line);
        driver.WaitCheckPasses();
        Assert.Equal(["concur:EXP-1:1"], driver.Waiting());

        driver.MasterData(arrives);
        driver.WaitCheckPasses();

        Assert.Equal("EXP-1", driver.ApprovedOne().expense.expenseId);
        Assert.Empty(driver.DeadLetters());
        Assert.Empty(driver.Waiting());
    }

    [Fact]
    public void A_waiting_line_keeps_its_headers_and_is_released_with_them()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1", employee: "E-US-9"), new Headers { { RecordHeaders.CorrelationId, Encoding.UTF8.GetBytes("corr-77") } });
        driver.MasterData(Hired("E-US-9", "US01", "CC-1000"));
        driver.WaitCheckPasses();

        var headers = Assert.Single(driver.ApprovedRecords()).Headers;
        Assert.Equal("corr-77", Encoding.UTF8.GetString(headers.GetLastBytes(RecordHeaders.CorrelationId)));
    }

    private static (ExpenseLine Line, (string, MasterDataHistory) Arrives) WaitCase(string @case) => @case switch
    {
        "cost-center" => (Expense("EXP-1", costCenter: "CC-7000"), CostCenterOpened("CC-7000")),
        "project" => (Expense("EXP-1", project: "PRJ-NEW"), ProjectOpened("PRJ-NEW")),
        "tax-code" => (Expense("EXP-1", taxCode: "US-CA-7"), TaxCodeCreated("US-CA-7", "US-CA")),
        "fx-rate" => (Expense("EXP-1", amount: 100m, currency: "CHF"), Rate("CHF", "USD", "2026-04-10", 1.1m)),
        "period" => (Expense("EXP-1", date: "2026-02-10"), PeriodOpened("US01", "2026-02-01")),
        _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, "No such case."),
    };
}
