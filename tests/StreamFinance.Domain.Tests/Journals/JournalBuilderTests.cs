using StreamFinance.Domain.Journals;

namespace StreamFinance.Domain.Tests.Journals;

public class JournalBuilderTests
{
    private static readonly PostingOptions Options = PostingOptions.Default();

    [Fact]
    public void Expenses_with_the_same_coding_sum_into_one_debit_line_and_one_payable_credit()
    {
        var journal = JournalBuilder.Build(Expenses.Key("US01", "USD"), Expenses.Contributions(Options, Expenses.Us("E2", 20.50m), Expenses.Us("E1", 10.25m)));

        Assert.Collection(journal.Lines,
            l => Assert.Equal((1, PostingSide.Debit, "6100", "CC-1001", "US-EXEMPT", 30.75m, "E1,E2"), (l.LineNumber, l.Side, l.GlAccountId, l.CostCenterId, l.TaxCodeId, l.Amount, string.Join(",", l.SourceIds))),
            l => Assert.Equal((2, PostingSide.Credit, Options.EmployeePayableAccount, (string?)null, 30.75m), (l.LineNumber, l.Side, l.GlAccountId, l.CostCenterId, l.Amount)));
        Assert.Equal((2, 30.75m, 30.75m), (journal.LineCount, journal.TotalDebit, journal.TotalCredit));
        Assert.Equal(["E1", "E2"], journal.ExpenseIds);
    }

    [Fact]
    public void Tax_code_is_part_of_the_debit_grouping_so_each_tax_code_gets_its_own_gross_line()
    {
        var journal = JournalBuilder.Build(Expenses.Key("US01", "USD"),
            Expenses.Contributions(Options, Expenses.Us("E1", 10m, tax: "US-CA"), Expenses.Us("E2", 5m, tax: "US-EXEMPT"), Expenses.Us("E3", 1m, tax: "US-CA")));

        var debits = journal.Lines.Where(l => l.Side == PostingSide.Debit).Select(l => (l.TaxCodeId, l.Amount)).ToList();
        Assert.Equal([("US-CA", 11m), ("US-EXEMPT", 5m)], debits);
    }

    [Fact]
    public void Card_charges_credit_card_clearing_and_out_of_pocket_credits_employee_payable()
    {
        var journal = JournalBuilder.Build(Expenses.Key("US01", "USD"), Expenses.Contributions(Options, Expenses.Us("E1", 10m, card: true), Expenses.Us("E2", 4m)));

        var credits = journal.Lines.Where(l => l.Side == PostingSide.Credit).Select(l => (l.GlAccountId, l.Amount)).ToList();
        Assert.Equal([(Options.EmployeePayableAccount, 4m), (Options.CardClearingAccount, 10m)], credits);
    }

    [Fact]
    public void Intercompany_expense_credits_due_to_in_the_booking_entity_and_debits_due_from_in_the_employee_entity()
    {
        var expense = Expenses.DeChargedForUsEmployee("E1", 92.00m, 100.37m);
        var contributions = Expenses.Contributions(Options, expense);

        var booking = JournalBuilder.Build(Expenses.Key("DE01", "EUR"), contributions.Where(c => c.EntityId == "DE01"));
        var employee = JournalBuilder.Build(Expenses.Key("US01", "USD"), contributions.Where(c => c.EntityId == "US01"));

        Assert.Equal(
            [(PostingSide.Debit, "6100", null, 92.00m), (PostingSide.Credit, Options.IntercompanyDueToAccount, "US01", 92.00m)],
            booking.Lines.Select(l => (l.Side, l.GlAccountId, l.PartnerEntityId, l.Amount)));
        Assert.Equal(
            [(PostingSide.Debit, Options.IntercompanyDueFromAccount, "DE01", 100.37m), (PostingSide.Credit, Options.EmployeePayableAccount, null, 100.37m)],
            employee.Lines.Select(l => (l.Side, l.GlAccountId, l.PartnerEntityId, l.Amount)));
    }

    [Fact]
    public void A_refund_that_outweighs_the_charges_of_its_coding_moves_that_line_to_the_other_side()
    {
        var journal = JournalBuilder.Build(Expenses.Key("US01", "USD"),
            Expenses.Contributions(Options, Expenses.Us("E1", 10m, gl: "6100"), Expenses.Us("E2", -25m, gl: "6100"), Expenses.Us("E3", 40m, gl: "6200")));

        Assert.Equal(
            [(PostingSide.Debit, "6200", 40m), (PostingSide.Credit, Options.EmployeePayableAccount, 25m), (PostingSide.Credit, "6100", 15m)],
            journal.Lines.Select(l => (l.Side, l.GlAccountId, l.Amount)));
        Assert.Equal(40m, journal.TotalDebit);
        Assert.Equal(40m, journal.TotalCredit);
    }

    [Fact]
    public void An_amount_below_the_currency_minor_unit_is_refused_rather_than_rounded()
    {
        var key = Expenses.Key("JP01", "JPY");
        var contribution = new PostingContribution("E1", PostingRole.Booking, "JP01", "JPY", 1000.5m, 2026, 11,
            new LineKey(PostingSide.Debit, "6100", "CC-3001", null, "JP-CT10", null), new LineKey(PostingSide.Credit, "2100", null, null, null, null));

        var error = Assert.Throws<ArgumentException>(() => JournalBuilder.Build(key, [contribution]));
        Assert.Contains("minor unit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_expense_twice_in_one_journal_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            JournalBuilder.Build(Expenses.Key("US01", "USD"), Expenses.Contributions(Options, Expenses.Us("E1", 1m), Expenses.Us("E1", 1m))));
        Assert.Contains("'E1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contribution_of_another_entity_or_period_is_refused()
    {
        var contributions = Expenses.Contributions(Options, Expenses.Us("E1", 1m));

        Assert.Throws<ArgumentException>(() => JournalBuilder.Build(Expenses.Key("DE01", "EUR"), contributions));
        Assert.Throws<ArgumentException>(() => JournalBuilder.Build(Expenses.Key("US01", "USD") with { PeriodNumber = 12 }, contributions));
    }
}
