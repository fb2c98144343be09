using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Expenses;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Host.Api.Http;
using StreamFinance.Host.Tests.Api.Support;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Expenses;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Host.Tests.Api;

/// <summary>
/// The expense rules as <c>POST /v1/validate/expense-coding</c> asks them (no employee, category or receipt; fields in
/// the body's spelling), over <see cref="ValidationWorld"/> with the default expense policy, "today" 2026-03-20.
/// </summary>
public class ExpenseCodingRulesTests
{
    private static readonly ExpenseRules Rules = new(new ExpensePolicy(ExpenseOptions.Default()), new FxFallbackPolicy());
    private static readonly MasterDataReader Reader = new(ValidationWorld.Lookup());
    private static readonly DateOnly Today = DateOnly.FromDateTime(ValidationApiStack.Now.UtcDateTime);

    private static ExpenseAssessment Evaluate(ExpenseInput input) => Rules.Evaluate(input, Reader, Today, ExpenseCodingBody.Fields);

    private static ExpenseInput Coding(
        string costCenter = "CC-1000", string entity = "US01", string? project = null, string? taxCode = null,
        string date = "2026-03-20", decimal amount = 120.50m, string currency = "USD") =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), amount, currency, EmployeeId: null, entity, costCenter, project, taxCode,
            Category: null, GlAccountId: null, ReceiptAttached: null);

    private static Violation Single(ExpenseAssessment result)
    {
        Assert.False(result.Valid);
        return Assert.Single(result.Violations);
    }

    [Fact]
    public void Coding_to_an_active_cost_center_open_project_and_local_tax_code_in_the_functional_currency_is_valid()
    {
        var result = Evaluate(Coding(project: "PRJ-ERP", taxCode: "US-CA-SALES"));

        Assert.True(result.Valid, string.Join("; ", result.Violations));
        Assert.Empty(result.Violations);
        Assert.Equal(new CurrencyConversion(120.50m, "USD", 120.50m, "USD", 1m, new DateOnly(2026, 3, 20), 0, false), result.Functional);
    }

    [Fact]
    public void Unknown_cost_center_is_UNKNOWN_COST_CENTER()
    {
        var violation = Single(Evaluate(Coding(costCenter: "CC-9999")));

        Assert.Equal(new Violation(ReasonCode.UnknownCostCenter, "costCenterId", "CC-9999", "cost center CC-9999 is unknown") { Awaits = "COST_CENTER:CC-9999" }, violation);
    }

    [Fact]
    public void Cost_center_deactivated_before_the_date_is_INACTIVE_COST_CENTER_naming_the_day_it_became_inactive()
    {
        // In force on 2026-04-12 is the owner-change version of 2026-04-10; inactive since the deactivation on 2026-03-31.
        var violation = Single(Evaluate(Coding(costCenter: "CC-1042", date: "2026-04-12")));

        Assert.Equal(new Violation(ReasonCode.InactiveCostCenter, "costCenterId", "CC-1042", "cost center CC-1042 is inactive since 2026-03-31"), violation);
    }

    [Fact]
    public void The_same_cost_center_is_valid_for_a_date_before_its_deactivation()
    {
        Assert.True(Evaluate(Coding(costCenter: "CC-1042", date: "2026-03-30")).Valid);
    }

    [Fact]
    public void Cost_center_past_its_valid_to_date_is_INACTIVE_COST_CENTER_from_the_day_after()
    {
        var violation = Single(Evaluate(Coding(costCenter: "CC-1050", date: "2026-03-05")));

        Assert.Equal("INACTIVE_COST_CENTER", violation.Code);
        Assert.Equal("cost center CC-1050 is inactive since 2026-03-01 (valid to 2026-02-28)", violation.Message);
    }

    [Fact]
    public void Blocked_cost_center_is_INACTIVE_COST_CENTER_saying_blocked()
    {
        var violation = Single(Evaluate(Coding(costCenter: "CC-1060")));

        Assert.Equal(new Violation(ReasonCode.InactiveCostCenter, "costCenterId", "CC-1060", "cost center CC-1060 is blocked since 2026-01-01"), violation);
    }

    [Fact]
    public void Cost_center_created_after_the_date_is_INACTIVE_COST_CENTER_valid_from_its_first_day_not_unknown()
    {
        var before = Single(Evaluate(Coding(costCenter: "CC-NEW", date: "2026-03-31")));

        Assert.Equal(new Violation(ReasonCode.InactiveCostCenter, "costCenterId", "CC-NEW", "cost center CC-NEW is not valid yet on 2026-03-31: valid from 2026-04-01"), before);
        Assert.Null(before.Awaits);
        Assert.True(Evaluate(Coding(costCenter: "CC-NEW", date: "2026-04-01")).Valid);
    }

    [Fact]
    public void Deleted_cost_center_is_unknown_from_its_delete_date_and_valid_before()
    {
        var after = Single(Evaluate(Coding(costCenter: "CC-GONE", date: "2026-03-15")));

        Assert.Equal(new Violation(ReasonCode.UnknownCostCenter, "costCenterId", "CC-GONE", "cost center CC-GONE was deleted with effect from 2026-03-15"), after);
        Assert.True(Evaluate(Coding(costCenter: "CC-GONE", date: "2026-03-14")).Valid);
    }

    [Fact]
    public void Cost_center_of_another_legal_entity_than_the_one_sent_is_COST_CENTER_ENTITY_MISMATCH_booked_in_the_cost_centers()
    {
        // The cost center's entity books (Expenses:BookingEntity CostCenter): DE01, whatever else it breaks there.
        var result = Evaluate(Coding(costCenter: "CC-2000"));
        var violation = result.Violations[0];

        Assert.Equal("DE01", result.LegalEntityId);
        Assert.Equal(new Violation(ReasonCode.CostCenterEntityMismatch, "costCenterId", "CC-2000", "cost center CC-2000 belongs to legal entity DE01, not US01"), violation);
    }

    [Fact]
    public void Unknown_legal_entity_is_UNKNOWN_LEGAL_ENTITY()
    {
        var result = Evaluate(Coding(entity: "XX99"));

        Assert.Contains(new Violation(ReasonCode.UnknownLegalEntity, "legalEntityId", "XX99", "legal entity XX99 is unknown") { Awaits = "LEGAL_ENTITY:XX99" }, result.Violations);
        // The cost center's entity books, and the entity sent is not it.
        Assert.Contains(result.Violations, v => v.Code == "COST_CENTER_ENTITY_MISMATCH");
        Assert.Equal("US01", result.LegalEntityId);
    }

    [Fact]
    public void Unknown_project_is_UNKNOWN_PROJECT()
    {
        var violation = Single(Evaluate(Coding(project: "PRJ-NOPE")));

        Assert.Equal(new Violation(ReasonCode.UnknownProject, "projectId", "PRJ-NOPE", "project PRJ-NOPE is unknown") { Awaits = "PROJECT:PRJ-NOPE" }, violation);
    }

    [Fact]
    public void Project_closed_before_the_date_is_CLOSED_PROJECT_and_open_for_earlier_dates()
    {
        var violation = Single(Evaluate(Coding(project: "PRJ-LEGACY", date: "2026-03-20")));

        Assert.Equal(new Violation(ReasonCode.ClosedProject, "projectId", "PRJ-LEGACY", "project PRJ-LEGACY is closed since 2026-02-01"), violation);
        Assert.True(Evaluate(Coding(project: "PRJ-LEGACY", date: "2026-01-31")).Valid);
    }

    [Fact]
    public void Unknown_tax_code_is_UNKNOWN_TAX_CODE()
    {
        var violation = Single(Evaluate(Coding(taxCode: "XX-VAT")));

        Assert.Equal(new Violation(ReasonCode.UnknownTaxCode, "taxCodeId", "XX-VAT", "tax code XX-VAT is unknown") { Awaits = "TAX_CODE:XX-VAT" }, violation);
    }

    [Fact]
    public void Tax_code_of_another_country_is_INVALID_TAX_JURISDICTION()
    {
        var violation = Single(Evaluate(Coding(taxCode: "DE-VAT19")));

        Assert.Equal(new Violation(ReasonCode.InvalidTaxJurisdiction, "taxCodeId", "DE-VAT19", "tax code DE-VAT19 applies in DE, but legal entity US01 is in US"), violation);
    }

    [Fact]
    public void Tax_code_of_a_subdivision_is_valid_for_an_entity_of_its_country()
    {
        Assert.True(Evaluate(Coding(taxCode: "US-CA-SALES")).Valid);
    }

    [Fact]
    public void Tax_code_outside_its_validity_is_INVALID_TAX_JURISDICTION_naming_its_dates()
    {
        var inForce = Evaluate(Coding(costCenter: "CC-2000", entity: "DE01", taxCode: "DE-VAT16", date: "2020-07-01", currency: "EUR"));
        Assert.DoesNotContain(inForce.Violations, v => v.Field == "taxCodeId");

        var late = Evaluate(Coding(costCenter: "CC-2000", entity: "DE01", taxCode: "DE-VAT16", date: "2026-03-20", currency: "EUR"));
        Assert.Equal(new Violation(ReasonCode.InvalidTaxJurisdiction, "taxCodeId", "DE-VAT16", "tax code DE-VAT16 applies from 2020-07-01 to 2020-12-31, not on 2026-03-20"), Single(late));
    }

    [Fact]
    public void Foreign_amount_is_converted_at_the_rate_in_force_on_its_date_not_a_later_correction()
    {
        // Monday's rate 1.085 was corrected to 1.09 with effect from Tuesday: a Monday expense keeps 1.085.
        var result = Evaluate(Coding(date: "2026-03-30", amount: 100m, currency: "EUR"));

        Assert.True(result.Valid);
        Assert.Equal(new CurrencyConversion(100m, "EUR", 108.50m, "USD", 1.085m, new DateOnly(2026, 3, 30), 0, false), result.Functional);
    }

    [Fact]
    public void Foreign_amount_on_a_sunday_falls_back_to_fridays_rate()
    {
        var result = Evaluate(Coding(date: "2026-03-29", amount: 10.01m, currency: "EUR"));

        Assert.True(result.Valid);
        Assert.Equal(new CurrencyConversion(10.01m, "EUR", 10.81m, "USD", 1.08m, new DateOnly(2026, 3, 27), 2, false), result.Functional);
    }

    [Fact]
    public void Foreign_amount_without_a_rate_within_the_fallback_is_FX_RATE_MISSING()
    {
        var violation = Single(Evaluate(Coding(date: "2026-03-26", currency: "JPY", amount: 1000m)));

        Assert.Equal("FX_RATE_MISSING", violation.Code);
        Assert.Equal("currency", violation.Field);
        Assert.StartsWith("no rate to convert JPY into USD: No JPY->USD rate on 2026-03-26 or the 3 business days before", violation.Message);
    }

    [Fact]
    public void Every_violation_is_reported_not_only_the_first()
    {
        var result = Evaluate(Coding(costCenter: "CC-1042", project: "PRJ-LEGACY", taxCode: "DE-VAT19", date: "2026-04-12", currency: "JPY"));

        Assert.Equal(["INACTIVE_COST_CENTER", "CLOSED_PROJECT", "INVALID_TAX_JURISDICTION", "FX_RATE_MISSING"], result.Violations.Select(v => v.Code));
    }
}
