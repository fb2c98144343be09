using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Expenses;
using StreamFinance.Rules.Checks;
using static StreamFinance.Rules.Tests.Expenses.RulesWorld;

namespace StreamFinance.Rules.Tests.Expenses;

/// <summary>The one precedence order of <c>ExpenseRules</c>: master data, then FX, then closed period, then receipt, then category limit.</summary>
public sealed class ExpenseRulePrecedenceTests
{
    [Fact]
    public void Master_data_violations_come_first_in_their_order_then_FX()
    {
        // CC-1042 (US01) is inactive; the charged DE01 contradicts it; PRJ-DONE is closed; DE-VAT19 is not for US01; YACHT is unmapped; no CHF rate.
        var result = RulesWith().Judge(Line(charged: "DE01", costCenter: "CC-1042", project: "PRJ-DONE", taxCode: "DE-VAT19", currency: "CHF", category: "YACHT"));

        Assert.Equal(
            [
                (ReasonCode.InactiveCostCenter, "costCenterId", "CC-1042"),
                (ReasonCode.CostCenterEntityMismatch, "costCenterId", "CC-1042"),
                (ReasonCode.ClosedProject, "projectId", "PRJ-DONE"),
                (ReasonCode.InvalidTaxJurisdiction, "taxCodeId", "DE-VAT19"),
                (ReasonCode.UnmappedCategory, "category", "YACHT"),
                (ReasonCode.FxRateMissing, "amount", "40.00 CHF"),
            ],
            result.Violations.Select(v => (v.Reason, v.Field, v.Value)));
    }

    [Fact]
    public void After_FX_come_the_closed_period_then_the_missing_receipt_then_the_category_limit()
    {
        var rules = RulesWith(o => o.ClosedPeriod = ClosedPeriodPolicy.DeadLetter);

        var result = rules.Judge(Line(date: "2026-03-10", amount: 212.40m, category: "MEALS", receipt: false));

        Assert.Equal(
            [
                (ReasonCode.ClosedPeriod, "transactionDate", "2026-03-10"),
                (ReasonCode.MissingReceipt, "receiptAttached", "false"),
                (ReasonCode.PolicyLimitExceeded, "amount", "212.40 USD"),
            ],
            result.Violations.Select(v => (v.Reason, v.Field, v.Value)));
    }

    [Fact]
    public void A_cost_center_that_exists_but_is_not_valid_yet_on_the_date_is_INACTIVE_COST_CENTER_valid_from_not_unknown()
    {
        var result = RulesWith().Judge(Line(costCenter: "CC-1060"));

        var violation = Assert.Single(result.Violations);
        Assert.Equal(new Violation(ReasonCode.InactiveCostCenter, "costCenterId", "CC-1060", "cost center CC-1060 is not valid yet on 2026-04-10: valid from 2026-05-01"), violation);
        Assert.Null(violation.Awaits);
        Assert.Equal("US01", result.LegalEntityId);
    }
}
