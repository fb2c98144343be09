using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using static StreamFinance.Topologies.Tests.Procurement.ProcurementWorld;

namespace StreamFinance.Topologies.Tests.Procurement;

public class ProcurementDecisionTests
{
    private const string Key2010 = "CC-2010/" + Period;
    private const string Key2020 = "CC-2020/" + Period;

    [Fact]
    public void An_approved_order_within_budget_commits_with_its_deterministic_id_lines_in_both_currencies_and_status_COMMITTED()
    {
        using var driver = new ProcurementDriver();

        driver.Send(Order("4500012", amount: 12_400m));

        var written = driver.Commitments();
        Assert.Equal(["4500012/R0"], written.Select(c => c.Key));
        var commitment = written[0].Value;
        Assert.Equal("4500012/R0", commitment.commitmentId);
        Assert.Equal(CommitmentKind.COMMIT, commitment.kind);
        Assert.Equal("CMT-4500012-R0-", commitment.reconciliationId![..15]);
        Assert.Equal(Period, commitment.periodId);
        var line = Assert.Single(commitment.commitmentLines);
        Assert.Equal("4500012/1", line.poLineId);
        Assert.Equal(12_400m, line.amount.ToDecimal());
        Assert.Equal(12_400m, line.functionalAmount.ToDecimal());
        Assert.Equal("EUR", line.functionalAmount.currency);
        Assert.Equal(1m, AvroDecimals.ToDecimal(line.quantity!.Value));
        Assert.Equal(12_400m, line.unitPrice!.ToDecimal());
        Assert.Equal(Key2010, line.budgetKey);
        Assert.Equal(12_400m, driver.Committed(Key2010));
        Assert.Equal(BusinessStatus.COMMITTED, driver.StatusNow()["4500012"].status);
        Assert.Empty(driver.HeldNow());
        Assert.Contains(driver.Audit(), e => e.step == "committed" && e.businessId == "4500012");
    }

    [Fact]
    public void An_order_in_another_currency_commits_its_lines_in_the_order_and_the_functional_currency()
    {
        using var driver = new ProcurementDriver();

        driver.Send(Order("4500013", amount: 1_000m, currency: "USD"));

        var commitment = Assert.Single(driver.Commitments().Select(c => c.Value));
        var line = Assert.Single(commitment.commitmentLines);
        Assert.Equal((1_000m, "USD"), (line.amount.ToDecimal(), line.amount.currency));
        Assert.Equal((900m, "EUR"), (line.functionalAmount.ToDecimal(), line.functionalAmount.currency));
        Assert.Equal(900m, commitment.functionalTotal!.ToDecimal());
        Assert.Equal(900m, driver.Committed(Key2010));
    }

    [Fact]
    public void An_order_over_the_available_budget_is_held_with_BUDGET_EXCEEDED_naming_what_it_needs_and_what_is_available()
    {
        using var driver = new ProcurementDriver();
        driver.Send(Order("4500001", amount: 16_850m));

        driver.Send(Order("4500012", amount: 12_400m));

        Assert.Single(driver.Commitments().Select(c => c.Key));
        var hold = driver.HeldNow()["4500012"];
        Assert.Equal("BUDGET_EXCEEDED", hold.reasonCode);
        Assert.Equal(OwnerRole.PROCUREMENT_OPS, hold.ownerRole);
        Assert.StartsWith($"PO 4500012 needs 12,400.00 EUR on {Key2010}; 3,150.00 EUR available", hold.message);
        Assert.Equal(Key2010, hold.budgetKey);
        Assert.Equal(12_400m, hold.budgetRequired!.ToDecimal());
        Assert.Equal(3_150m, hold.budgetRemaining!.ToDecimal());
        Assert.Equal(16_850m, driver.Committed(Key2010));
        Assert.Equal(BusinessStatus.HELD, driver.StatusNow()["4500012"].status);
    }

    [Theory]
    [InlineData("SUP-BLK", "SUPPLIER_BLOCKED", "supplier SUP-BLK is blocked since 2020-01-01")]
    [InlineData("SUP-RISK", "SUPPLIER_RISK_HOLD", "supplier SUP-RISK has a HIGH risk screening")]
    [InlineData("SUP-NC", "SUPPLIER_RISK_HOLD", "supplier SUP-NC is NON_COMPLIANT")]
    [InlineData("SUP-NONE", "UNKNOWN_SUPPLIER", "supplier SUP-NONE is unknown")]
    public void A_supplier_that_may_not_be_ordered_from_holds_the_order_with_its_reason(string supplier, string code, string message)
    {
        using var driver = new ProcurementDriver();

        driver.Send(Order("4500020", supplier: supplier));

        Assert.Empty(driver.Commitments());
        var hold = driver.HeldNow()["4500020"];
        Assert.Equal(code, hold.reasonCode);
        Assert.StartsWith(message, hold.message);
        Assert.Equal("supplierId", hold.field);
        Assert.Equal(supplier, hold.value);
        Assert.Equal(0m, driver.Committed(Key2010));
    }

    [Fact]
    public void A_supplier_named_by_the_source_system_id_is_resolved_through_the_golden_records_cross_references()
    {
        using var driver = new ProcurementDriver();

        driver.Send(Order("4500021", supplier: "4401"));

        Assert.Single(driver.Commitments().Select(c => c.Key));
        Assert.Empty(driver.HeldNow());
    }

    [Fact]
    public void An_order_above_the_approvers_limit_is_held_as_APPROVAL_LIMIT_EXCEEDED()
    {
        using var driver = new ProcurementDriver();

        driver.Send(Order("4500030", amount: 1_500m, requester: "E-DE-3"));

        var hold = driver.HeldNow()["4500030"];
        Assert.Equal("APPROVAL_LIMIT_EXCEEDED", hold.reasonCode);
        Assert.Equal("PO 4500030 totals 1,500.00 EUR; approver E-DE-LOW of requester E-DE-3 may approve up to 1,000.00 EUR", hold.message);
    }

    [Fact]
    public void An_850_order_without_requester_and_GL_account_is_held_never_committed_with_a_placeholder()
    {
        using var driver = new ProcurementDriver();

        driver.Send(Order("PO-850-1", requester: null, lines: [Line(1, 100m, gl: null)], source: "edi-x12"));

        Assert.Empty(driver.Commitments());
        var hold = driver.HeldNow()["PO-850-1"];
        Assert.Equal("MISSING_REQUESTER", hold.reasonCode);
        Assert.Equal(["MISSING_REQUESTER", "MISSING_GL_ACCOUNT"], hold.violations.Select(v => v.code));
        Assert.Equal("lines[1].glAccountId", hold.violations[1].field);
    }

    [Theory]
    [InlineData("CC-9999", "UNKNOWN_COST_CENTER")]
    [InlineData("CC-1042", "INACTIVE_COST_CENTER")]
    [InlineData("CC-1000", "COST_CENTER_ENTITY_MISMATCH")]
    public void Master_data_violations_hold_the_order_with_the_master_data_code(string costCenter, string code)
    {
        using var driver = new ProcurementDriver();

        driver.Send(Order("4500040", costCenter: costCenter));

        Assert.Equal(code, driver.HeldNow()["4500040"].reasonCode);
        Assert.Empty(driver.Commitments());
    }

    [Fact]
    public void A_malformed_order_is_dead_lettered_to_dlq_procurement_with_its_bytes_origin_and_every_problem()
    {
        using var driver = new ProcurementDriver();
        var order = Order("4500050", amount: 100m);
        order.total = 90m.ToMoney("EUR");

        driver.Send(order);

        var deadLetter = Assert.Single(driver.DeadLetters());
        Assert.Equal("SCHEMA_INVALID", deadLetter.reasonCode);
        Assert.Equal(Topics.PurchaseOrders.Name, deadLetter.originTopic);
        Assert.Contains("total 90.0000 EUR is not the sum of the line amounts (100.0000 EUR)", deadLetter.message);
        Assert.NotEmpty(deadLetter.rawValue);
        Assert.Empty(driver.Commitments());
        Assert.Empty(driver.StatusNow());
        // The dead letter is a decision of the audit trail too, under the order's correlation id.
        var audited = Assert.Single(driver.Audit(), e => e.step == "dead-lettered");
        Assert.Equal(("SCHEMA_INVALID", "4500050", "procurement"), (audited.reason, audited.correlationId, audited.component));
    }

    [Fact]
    public void A_redelivered_revision_has_no_second_effect()
    {
        using var driver = new ProcurementDriver();
        var order = Order("4500060", amount: 2_000m);

        driver.Send(order);
        driver.Send(order);

        Assert.Single(driver.Commitments().Select(c => c.Key));
        Assert.Equal(2_000m, driver.Committed(Key2010));
        Assert.Contains(driver.Audit(), e => e.step == "deduplicated" && e.businessId == "4500060");
    }

    [Fact]
    public void A_multi_key_order_reserves_on_all_its_keys_or_on_none()
    {
        using var driver = new ProcurementDriver();
        var fits = Order("4500070", lines: [Line(1, 3_000m), Line(2, 4_000m, costCenter: "CC-2020")]);
        var tooMuchOnOneKey = Order("4500071", lines: [Line(1, 1_000m), Line(2, 1_500m, costCenter: "CC-2020")]);

        driver.Send(fits);
        driver.Send(tooMuchOnOneKey);

        var commitment = Assert.Single(driver.Commitments().Select(c => c.Value));
        Assert.Equal([Key2010, Key2020], commitment.commitmentLines.Select(l => l.budgetKey));
        Assert.Equal(3_000m, driver.Committed(Key2010));
        Assert.Equal(4_000m, driver.Committed(Key2020));
        var hold = driver.HeldNow()["4500071"];
        Assert.Equal(Key2020, hold.budgetKey);
        Assert.Equal("lines[2].costCenterId", hold.field);
    }

    [Fact]
    public void Actuals_of_posted_expense_journals_reduce_what_is_available()
    {
        using var driver = new ProcurementDriver();
        var journal = Journal("JE-DE01-1", ("CC-2010", JournalSide.DEBIT, 19_500m), (null, JournalSide.CREDIT, 19_500m));

        driver.Send(journal);
        driver.Send(journal);
        driver.Send(Order("4500080", amount: 600m));

        Assert.Equal(19_500m, driver.Actual(Key2010));
        Assert.Empty(driver.Commitments());
        Assert.StartsWith($"PO 4500080 needs 600.00 EUR on {Key2010}; 500.00 EUR available (budget 20,000.00 EUR, committed 0.00 EUR, actual 19,500.00 EUR)", driver.HeldNow()["4500080"].message);
    }

    [Fact]
    public void A_draft_is_received_and_not_committed()
    {
        using var driver = new ProcurementDriver();

        driver.Send(Order("4500090", status: PurchaseOrderStatus.DRAFT));

        Assert.Empty(driver.Commitments());
        Assert.Equal(BusinessStatus.RECEIVED, driver.StatusNow()["4500090"].status);
        Assert.Equal(0m, driver.Committed(Key2010));
    }

    internal static JournalEntry Journal(string id, params (string? CostCenter, JournalSide Side, decimal Amount)[] lines) => new()
    {
        envelope = Expenses.ExpenseWorld.Envelope("streamfinance-posting", id), reconciliationId = id, legalEntityId = "DE01", currency = "EUR",
        postingDate = Expenses.ExpenseWorld.Day("2026-04-15"), fiscalYear = 2026, periodNumber = 4,
        windowStart = Expenses.ExpenseWorld.Day("2026-04-15"), windowEnd = Expenses.ExpenseWorld.Day("2026-04-15").AddHours(1),
        lines = [.. lines.Select((l, i) => new JournalLine
        {
            lineNumber = i + 1, glAccountId = "650200", costCenterId = l.CostCenter, side = l.Side, amount = l.Amount.ToMoney("EUR"), sourceIds = ["EXP-1"],
        })],
        lineCount = lines.Length, totalDebit = lines.Where(l => l.Side == JournalSide.DEBIT).Sum(l => l.Amount).ToMoney("EUR"),
        totalCredit = lines.Where(l => l.Side == JournalSide.CREDIT).Sum(l => l.Amount).ToMoney("EUR"),
    };
}
