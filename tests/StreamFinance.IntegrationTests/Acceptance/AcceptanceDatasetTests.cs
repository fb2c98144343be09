using StreamFinance.Contracts.Outputs;
using StreamFinance.IntegrationTests.Acceptance.Model;

namespace StreamFinance.IntegrationTests.Acceptance;

/// <summary>The dataset and its model alone, without Kafka: size, coverage and the outcome table the README quotes.</summary>
public sealed class AcceptanceDatasetTests
{
    [Fact]
    public void Every_reason_code_is_either_reached_by_the_dataset_or_named_out_of_its_reach()
    {
        var codes = ReasonCode.All.Select(r => r.Code).ToList();
        Assert.Equal(codes.Order(), AcceptanceCoverage.Reachable.Concat(AcceptanceCoverage.OutOfReach.Keys).Order());
    }

    [Theory]
    [InlineData(Domain.Expenses.ClosedPeriodPolicy.RollForward, MidpointRounding.AwayFromZero)]
    [InlineData(Domain.Expenses.ClosedPeriodPolicy.DeadLetter, MidpointRounding.ToEven)]
    public void The_dataset_has_300_expense_records_over_concur_ramp_and_brex_reaching_every_reachable_reason(Domain.Expenses.ClosedPeriodPolicy closedPeriod, MidpointRounding rounding)
    {
        var data = AcceptanceDataset.Load(AcceptanceSettings.DataRoot);
        var run = AcceptanceModelRun.Complete(data, AcceptanceSettings.Model(AcceptanceSettings.Expenses(closedPeriod, rounding)));

        Assert.InRange(data.Records.Count, 300, int.MaxValue);
        Assert.Equal(["brex-card-transactions", "concur-expense-entries", "ramp-card-transactions"], data.Records.Select(r => r.Profile).Distinct().Order());
        Assert.Equal(data.Records.Count, run.Outcomes.Count);
        var reached = run.Outcomes.Values.Select(o => o.Reason).Concat(data.MasterDataDeadLetters.Select(d => d.Reason)).ToHashSet();
        Assert.All(AcceptanceCoverage.Reachable, code => Assert.True(reached.Contains(code), $"no record of the dataset ends as {code}"));
        Assert.Contains(run.Outcomes.Values, o => o.Kind == ModelOutcomeKind.Merged);
        Assert.Contains(run.Outcomes.Values, o => o.Kind == ModelOutcomeKind.Duplicate);
        Assert.Contains(run.Outcomes.Values, o => o.Verdict?.EmployeeEntity is not null && o.Kind == ModelOutcomeKind.Posted);
        TestContext.Current.TestOutputHelper?.WriteLine(AcceptanceModelRun.Table(run));
    }
}
