using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Host.Tests.Api.Support;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Rules.Procurement;
using StreamFinance.Rules.Requisitions;

namespace StreamFinance.Host.Tests.Api;

public class RequisitionRulesTests
{
    private static readonly RequisitionRules Rules = new(new FxFallbackPolicy());
    private static readonly MasterDataReader Reader = new(ValidationWorld.Lookup());

    private static RequisitionAssessment Evaluate(RequisitionInput input) => Rules.Evaluate(input, Reader);

    private static RequisitionInput Requisition(
        string costCenter = "CC-1000", string supplier = "SUP-1", string date = "2026-03-20", decimal amount = 4_000m, string currency = "USD", string? entity = null) =>
        new(costCenter, supplier, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), amount, currency, entity);

    private static Violation Single(RequisitionAssessment result)
    {
        Assert.False(result.Valid);
        return Assert.Single(result.Violations);
    }

    [Fact]
    public void Requisition_within_the_budget_of_the_open_period_is_valid_and_says_commitments_are_not_deducted()
    {
        var result = Evaluate(Requisition(amount: 4_000m));

        Assert.True(result.Valid, string.Join("; ", result.Violations));
        Assert.Equal(new BudgetCheck("CC-1000/US01-2026-03", "US01-2026-03", 10_000m, "USD", 4_000m, 6_000m, "BUDGETED_AMOUNT_WITHOUT_COMMITMENTS"), result.Budget);
    }

    [Fact]
    public void Amount_above_the_budget_is_BUDGET_EXCEEDED()
    {
        var violation = Single(Evaluate(Requisition(amount: 10_000.01m)));

        Assert.Equal("BUDGET_EXCEEDED", violation.Code);
        Assert.Equal("amount", violation.Field);
        Assert.Equal(
            "10000.01 USD exceeds the budget of 10000.00 USD of cost center CC-1000 for period US01-2026-03 (open commitments and actuals are not deducted: this process does not run the procurement topology)",
            violation.Message);
    }

    [Fact]
    public void With_the_procurement_balances_open_commitments_and_actuals_are_deducted_and_the_basis_says_so()
    {
        var balances = new Balances(new Dictionary<string, BudgetBalance> { ["CC-1000/US01-2026-03"] = new(6_000m, 1_500m) });

        var fits = Rules.Evaluate(Requisition(amount: 2_500m), Reader, balances);
        var exceeds = Rules.Evaluate(Requisition(amount: 2_500.01m), Reader, balances);

        Assert.True(fits.Valid, string.Join("; ", fits.Violations));
        Assert.Equal(new BudgetCheck("CC-1000/US01-2026-03", "US01-2026-03", 10_000m, "USD", 2_500m, 0m, "BUDGET_LESS_OPEN_COMMITMENTS_AND_ACTUALS", 6_000m, 1_500m), fits.Budget);
        Assert.Equal(2_500m, fits.Budget!.Available);
        var violation = Single(exceeds);
        Assert.Equal("BUDGET_EXCEEDED", violation.Code);
        Assert.Equal(
            "2500.01 USD exceeds the 2500.00 USD available on CC-1000/US01-2026-03 (budget 10000.00 USD, committed 6000.00 USD, actual 1500.00 USD)",
            violation.Message);
        Assert.Equal(-0.01m, exceeds.Budget!.RemainingAfter);
    }

    /// <summary>Fixed balances per budget key.</summary>
    private sealed class Balances(IReadOnlyDictionary<string, BudgetBalance> byKey) : IBudgetBalances
    {
        public BudgetBalance Of(string budgetKey) => byKey.GetValueOrDefault(budgetKey) ?? BudgetBalance.None;
    }

    [Fact]
    public void Amount_exactly_the_budget_is_valid()
    {
        Assert.True(Evaluate(Requisition(amount: 10_000m)).Valid);
    }

    [Fact]
    public void Foreign_amount_is_converted_into_the_budget_currency_at_the_rate_of_the_date_before_it_is_compared()
    {
        // 9,300 EUR at 1.085 is 10,090.50 USD: more than the 10,000 USD budget, though 9,300 is less than 10,000.
        var result = Evaluate(Requisition(date: "2026-03-30", amount: 9_300m, currency: "EUR"));

        var violation = Single(result);
        Assert.Equal("BUDGET_EXCEEDED", violation.Code);
        Assert.StartsWith("9300.00 EUR (10090.50 USD at 1.085, rate of 2026-03-30) exceeds the budget of 10000.00 USD", violation.Message);
        Assert.Equal(-90.50m, result.Budget!.RemainingAfter);
    }

    [Fact]
    public void Foreign_amount_without_a_rate_is_FX_RATE_MISSING()
    {
        var violation = Single(Evaluate(Requisition(currency: "JPY", amount: 1_000m)));

        Assert.Equal("FX_RATE_MISSING", violation.Code);
    }

    [Fact]
    public void Cost_center_without_a_budget_for_the_period_is_BUDGET_EXCEEDED()
    {
        var violation = Single(Evaluate(Requisition(costCenter: "CC-1010", amount: 1m)));

        Assert.Equal("BUDGET_EXCEEDED", violation.Code);
        Assert.Equal("cost center CC-1010 has no budget for period US01-2026-03 (budget CC-1010/US01-2026-03 is unknown), so nothing can be committed", violation.Message);
    }

    [Fact]
    public void Date_in_a_closed_period_is_CLOSED_PERIOD()
    {
        var violation = Single(Evaluate(Requisition(date: "2026-02-20")));

        Assert.Equal(new Violation(ReasonCode.ClosedPeriod, "date", "2026-02-20", "accounting period US01-2026-02 (2026-02-01 to 2026-02-28) containing 2026-02-20 is closed"), violation);
    }

    [Fact]
    public void Date_outside_every_period_is_CLOSED_PERIOD()
    {
        var violation = Single(Evaluate(Requisition(date: "2026-05-04")));

        Assert.Equal("CLOSED_PERIOD", violation.Code);
        Assert.Equal("no accounting period of legal entity US01 contains 2026-05-04, so there is no period budget to draw on", violation.Message);
    }

    [Fact]
    public void Period_of_a_fiscal_calendar_that_is_not_the_calendar_month_is_found_by_its_dates()
    {
        var result = Evaluate(Requisition(costCenter: "CC-2000", date: "2026-04-02", amount: 5_000m, currency: "EUR"));

        Assert.True(result.Valid, string.Join("; ", result.Violations));
        Assert.Equal("DE01-2026-07", result.Budget!.PeriodId);
    }

    [Fact]
    public void Unknown_supplier_is_UNKNOWN_SUPPLIER()
    {
        var violation = Single(Evaluate(Requisition(supplier: "SUP-404")));

        // A supplier never seen may still arrive: the shared supplier check says what it waits for (the API does not answer with it).
        Assert.Equal(new Violation(ReasonCode.UnknownSupplier, "supplierId", "SUP-404", "supplier SUP-404 is unknown") { Awaits = "SUPPLIER:SUP-404" }, violation);
    }

    [Fact]
    public void Supplier_blocked_before_the_date_is_SUPPLIER_BLOCKED_and_fine_before_the_block()
    {
        var violation = Single(Evaluate(Requisition(supplier: "SUP-2", date: "2026-03-20")));

        Assert.Equal(new Violation(ReasonCode.SupplierBlocked, "supplierId", "SUP-2", "supplier SUP-2 is blocked since 2026-03-10"), violation);
        Assert.True(Evaluate(Requisition(supplier: "SUP-2", date: "2026-03-09")).Valid);
    }

    [Fact]
    public void Inactive_supplier_is_SUPPLIER_BLOCKED_saying_inactive()
    {
        var violation = Single(Evaluate(Requisition(supplier: "SUP-3")));

        Assert.Equal(new Violation(ReasonCode.SupplierBlocked, "supplierId", "SUP-3", "supplier SUP-3 is inactive since 2026-01-01"), violation);
    }

    [Fact]
    public void Inactive_cost_center_is_INACTIVE_COST_CENTER()
    {
        var result = Evaluate(Requisition(costCenter: "CC-1060", amount: 1m));

        Assert.Contains(new Violation(ReasonCode.InactiveCostCenter, "costCenterId", "CC-1060", "cost center CC-1060 is blocked since 2026-01-01"), result.Violations);
    }

    [Fact]
    public void Unknown_cost_center_is_UNKNOWN_COST_CENTER_and_no_budget_is_looked_for()
    {
        var result = Evaluate(Requisition(costCenter: "CC-9999"));

        Assert.Equal(new Violation(ReasonCode.UnknownCostCenter, "costCenterId", "CC-9999", "cost center CC-9999 is unknown") { Awaits = "COST_CENTER:CC-9999" }, Single(result));
        Assert.Null(result.Budget);
    }

    [Fact]
    public void Ordering_entity_that_does_not_own_the_cost_center_is_COST_CENTER_ENTITY_MISMATCH()
    {
        var result = Evaluate(Requisition(entity: "DE01", amount: 1m, currency: "EUR", date: "2026-03-30"));

        Assert.Contains(new Violation(ReasonCode.CostCenterEntityMismatch, "costCenterId", "CC-1000", "cost center CC-1000 belongs to legal entity US01, not DE01"), result.Violations);
    }
}
