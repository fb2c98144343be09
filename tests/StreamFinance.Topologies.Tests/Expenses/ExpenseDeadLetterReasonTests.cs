using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using static StreamFinance.Topologies.Tests.Expenses.ExpenseWorld;

namespace StreamFinance.Topologies.Tests.Expenses;

public sealed class ExpenseDeadLetterReasonTests
{
    public static TheoryData<string, string> KnownMasterDataCases() => new()
    {
        { "inactive-cost-center", "INACTIVE_COST_CENTER|cost center CC-1042 is inactive since 2026-04-01 (field costCenterId)" },
        { "cost-center-not-yet-in-force", "INACTIVE_COST_CENTER|cost center CC-1060 is not valid yet on 2026-04-10: valid from 2026-05-01 (field costCenterId)" },
        { "closed-project", "CLOSED_PROJECT|project PRJ-DONE is closed since 2026-02-01 (field projectId)" },
        { "invalid-tax-jurisdiction", "INVALID_TAX_JURISDICTION|tax code DE-VAT19 applies in DE, but legal entity US01 is in US (field taxCodeId)" },
        { "missing-receipt", "MISSING_RECEIPT|receiptAttached is false but amount 80.00 USD is above the receipt threshold of 75.00 USD (field receiptAttached)" },
        { "policy-limit", "POLICY_LIMIT_EXCEEDED|amount 212.40 USD of category MEALS is above its limit of 150.00 USD (field amount)" },
        { "unmapped-category", "UNMAPPED_CATEGORY|category YACHT has no GL account in the expense policy (expense category master data or Expenses:CategoryGlAccounts) and the line names none (field category)" },
        // The cost center is known and the charged entity contradicts it: known master data says no, so the line does not wait for the cost center's entity.
        { "unknown-legal-entity-beside-mismatch", "UNKNOWN_LEGAL_ENTITY|legal entity XX01 is unknown (field costCenterId); also cost center CC-9000 belongs to legal entity XX01, not DE01 (field costCenterId)" },
        { "charged-entity-contradicting-cost-center", "COST_CENTER_ENTITY_MISMATCH|cost center CC-1000 belongs to legal entity US01, not DE01 (field costCenterId)" },
    };

    public static TheoryData<string, string> MissingMasterDataCases() => new()
    {
        { "unknown-employee", "UNKNOWN_EMPLOYEE|employee E-XX-9 is unknown (field employeeId)" },
        { "unknown-legal-entity", "UNKNOWN_LEGAL_ENTITY|legal entity XX01 is unknown (field chargedEntityId)" },
        { "unknown-cost-center", "UNKNOWN_COST_CENTER|cost center CC-9999 is unknown (field costCenterId)" },
        { "unknown-project", "UNKNOWN_PROJECT|project PRJ-9999 is unknown (field projectId)" },
        { "unknown-tax-code", "UNKNOWN_TAX_CODE|tax code XX-VAT is unknown (field taxCodeId)" },
        { "fx-rate-missing", "FX_RATE_MISSING|no rate to convert CHF into USD" },
        { "no-period", "CLOSED_PERIOD|no accounting period of legal entity US01 contains 2026-02-10 (field transactionDate)" },
    };

    [Theory]
    [MemberData(nameof(KnownMasterDataCases))]
    public void A_line_breaking_a_rule_of_known_master_data_or_policy_is_dead_lettered_at_once_for_finance_ops_naming_field_and_value(string @case, string expected)
    {
        using var driver = new ExpenseDriver();
        driver.Send(Line(@case));

        AssertDeadLettered(driver, expected);
        Assert.Empty(driver.Waiting());
    }

    [Theory]
    [MemberData(nameof(MissingMasterDataCases))]
    public void A_line_missing_master_data_waits_and_is_dead_lettered_for_finance_ops_naming_field_and_value_at_the_wait_horizon(string @case, string expected)
    {
        using var driver = new ExpenseDriver();
        driver.Send(Line(@case));
        driver.WaitCheckPasses();
        Assert.Empty(driver.DeadLetters());
        Assert.Equal(["concur:EXP-1:1"], driver.Waiting());

        driver.TimePasses(driver.Options.MasterDataWaitHorizon);

        AssertDeadLettered(driver, expected);
        Assert.Empty(driver.Waiting());
    }

    [Fact]
    public void A_line_breaking_several_rules_is_dead_lettered_with_the_first_in_precedence_order_listing_every_one_in_that_order()
    {
        using var driver = new ExpenseDriver();
        // Charged to DE01 against a US01 cost center, in a currency without rates, breaking a master-data rule at every step, then FX.
        driver.Send(Expense("EXP-1", chargedEntity: "DE01", costCenter: "CC-1042", project: "PRJ-DONE", taxCode: "JP-CT10", currency: "CHF", category: "YACHT"));

        var deadLetter = driver.DeadLetterOne();
        Assert.Equal("INACTIVE_COST_CENTER", deadLetter.reasonCode);
        var listed = deadLetter.message[(deadLetter.message.IndexOf(": ", StringComparison.Ordinal) + 2)..].Split("; also ");
        Assert.Collection(listed,
            m => Assert.StartsWith("cost center CC-1042 is inactive since 2026-04-01 (field costCenterId)", m),
            m => Assert.StartsWith("cost center CC-1042 belongs to legal entity US01, not DE01 (field costCenterId)", m),
            m => Assert.StartsWith("project PRJ-DONE is closed since 2026-02-01 (field projectId)", m),
            m => Assert.StartsWith("tax code JP-CT10 applies in JP, but legal entity US01 is in US (field taxCodeId)", m),
            m => Assert.StartsWith("category YACHT has no GL account", m),
            m => Assert.StartsWith("no rate to convert CHF into USD", m));
    }

    [Fact]
    public void The_dead_letter_carries_every_violation_as_code_field_value_and_message_the_first_being_its_reason()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-1", chargedEntity: "DE01", costCenter: "CC-1042", project: "PRJ-DONE", taxCode: "JP-CT10", currency: "CHF", category: "YACHT"));

        var deadLetter = driver.DeadLetterOne();
        Assert.Equal(
            [
                ("INACTIVE_COST_CENTER", "costCenterId", "CC-1042", "cost center CC-1042 is inactive since 2026-04-01"),
                ("COST_CENTER_ENTITY_MISMATCH", "costCenterId", "CC-1042", "cost center CC-1042 belongs to legal entity US01, not DE01"),
                ("CLOSED_PROJECT", "projectId", "PRJ-DONE", "project PRJ-DONE is closed since 2026-02-01"),
                ("INVALID_TAX_JURISDICTION", "taxCodeId", "JP-CT10", "tax code JP-CT10 applies in JP, but legal entity US01 is in US"),
                ("UNMAPPED_CATEGORY", "category", "YACHT", "category YACHT has no GL account in the expense policy (expense category master data or Expenses:CategoryGlAccounts) and the line names none"),
            ],
            deadLetter.violations.Take(5).Select(v => (v.code, v.field, v.value, v.message)));
        var fx = deadLetter.violations[5];
        Assert.Equal(("FX_RATE_MISSING", "amount", "40.00 CHF"), (fx.code, fx.field, fx.value));
        Assert.StartsWith("no rate to convert CHF into USD", fx.message);
        Assert.Equal(6, deadLetter.violations.Count);
        Assert.Equal(deadLetter.reasonCode, deadLetter.violations[0].code);
    }

    [Fact]
    public void After_FX_the_closed_period_comes_before_the_missing_receipt_before_the_category_limit()
    {
        using var driver = new ExpenseDriver(o => o.ClosedPeriod = Domain.Expenses.ClosedPeriodPolicy.DeadLetter);
        driver.Send(Expense("EXP-1", date: "2026-03-25", amount: 212.40m, category: "MEALS", receipt: false));

        var deadLetter = driver.DeadLetterOne();
        Assert.Equal("CLOSED_PERIOD", deadLetter.reasonCode);
        Assert.Equal(
            [("CLOSED_PERIOD", "transactionDate", "2026-03-25"), ("MISSING_RECEIPT", "receiptAttached", "false"), ("POLICY_LIMIT_EXCEEDED", "amount", "212.40 USD")],
            deadLetter.violations.Select(v => (v.code, v.field, v.value)));
    }

    private static void AssertDeadLettered(ExpenseDriver driver, string expected)
    {
        var deadLetter = driver.DeadLetterOne();
        var (reason, message) = (expected.Split('|')[0], expected.Split('|')[1]);
        Assert.Equal(reason, deadLetter.reasonCode);
        Assert.Equal(OwnerRole.FINANCE_OPS, deadLetter.ownerRole);
        Assert.StartsWith("Expense line EXP-1 of employee ", deadLetter.message);
        Assert.Contains(message, deadLetter.message);
        Assert.Equal((Topics.Expenses.Name, "EXP-1"), (deadLetter.originTopic, System.Text.Encoding.UTF8.GetString(deadLetter.rawKey)));
        Assert.Equal("expense.validate", deadLetter.processor);
        Assert.Empty(driver.Approved());
    }

    private static ExpenseLine Line(string @case) => @case switch
    {
        "unknown-employee" => Expense("EXP-1", employee: "E-XX-9"),
        "unknown-legal-entity" => Expense("EXP-1", chargedEntity: "XX01", costCenter: "CC-9000", taxCode: "US-EXEMPT"),
        "unknown-legal-entity-beside-mismatch" => Expense("EXP-1", chargedEntity: "DE01", costCenter: "CC-9000", taxCode: "US-EXEMPT"),
        "charged-entity-contradicting-cost-center" => Expense("EXP-1", chargedEntity: "DE01"),
        "unknown-cost-center" => Expense("EXP-1", costCenter: "CC-9999"),
        "unknown-project" => Expense("EXP-1", project: "PRJ-9999"),
        "unknown-tax-code" => Expense("EXP-1", taxCode: "XX-VAT"),
        "no-period" => Expense("EXP-1", date: "2026-02-10"),
        "inactive-cost-center" => Expense("EXP-1", costCenter: "CC-1042"),
        "cost-center-not-yet-in-force" => Expense("EXP-1", costCenter: "CC-1060"),
        "closed-project" => Expense("EXP-1", project: "PRJ-DONE"),
        "invalid-tax-jurisdiction" => Expense("EXP-1", taxCode: "DE-VAT19"),
        "missing-receipt" => Expense("EXP-1", amount: 80m, receipt: false),
        "policy-limit" => Expense("EXP-1", amount: 212.40m, category: "MEALS"),
        "unmapped-category" => Expense("EXP-1", category: "YACHT"),
        "fx-rate-missing" => Expense("EXP-1", currency: "CHF"),
        _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, "No such case."),
    };
}
