using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamFinance.Domain.Journals;
using StreamFinance.Domain.Money;

namespace StreamFinance.Domain.Tests.Journals;

[Properties(Arbitrary = [typeof(ExpenseSets)], MaxTest = 200)]
public class JournalInvariantPropertyTests
{
    private static readonly PostingOptions Options = PostingOptions.Default();

    [Property]
    public Property Every_journal_balances_to_the_minor_unit_with_right_control_totals(ExpenseSet set)
    {
        var failures = new List<string>();
        foreach (var journal in PostingRun.Journals(set.Expenses, Options))
        {
            var units = CurrencyMinorUnits.Of(journal.Key.Currency);
            var debits = journal.Lines.Where(l => l.Side == PostingSide.Debit).Sum(l => l.Amount);
            var credits = journal.Lines.Where(l => l.Side == PostingSide.Credit).Sum(l => l.Amount);
            if (debits != credits) failures.Add($"{journal.ReconciliationId}: debits {debits} != credits {credits}");
            if (journal.TotalDebit != debits || journal.TotalCredit != credits) failures.Add($"{journal.ReconciliationId}: control totals {journal.TotalDebit}/{journal.TotalCredit}, lines {debits}/{credits}");
            if (journal.LineCount != journal.Lines.Count) failures.Add($"{journal.ReconciliationId}: line count");
            if (!journal.Lines.Select(l => l.LineNumber).SequenceEqual(Enumerable.Range(1, journal.Lines.Count))) failures.Add($"{journal.ReconciliationId}: line numbers");
            failures.AddRange(journal.Lines.Where(l => Math.Round(l.Amount, units) != l.Amount || l.Amount < 0).Select(l => $"{journal.ReconciliationId} line {l.LineNumber}: {l.Amount} {journal.Key.Currency}"));
        }
        return (failures.Count == 0).Label(string.Join(Environment.NewLine, failures));
    }

    [Property]
    public Property Posted_debits_per_entity_and_currency_equal_the_input_amounts_exactly(ExpenseSet set)
    {
        var expected = set.Expenses
            .SelectMany(e => e.IsIntercompany
                ? new[] { (e.LegalEntityId, e.Currency, e.Amount), (e.EmployeeEntityId!, e.EmployeeEntityCurrency!, e.EmployeeEntityAmount!.Value) }
                : [(e.LegalEntityId, e.Currency, e.Amount)])
            .GroupBy(x => (x.Item1, x.Item2))
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Item3));
        var posted = PostingRun.Journals(set.Expenses, Options)
            .GroupBy(j => (j.Key.EntityId, j.Key.Currency))
            .ToDictionary(g => g.Key, g => g.Sum(j => j.TotalDebit));
        var expenseLines = PostingRun.Journals(set.Expenses, Options)
            .SelectMany(j => j.Lines.Where(l => l.CostCenterId is not null).Select(l => (j.Key.EntityId, j.Key.Currency, l.Amount)))
            .GroupBy(x => (x.EntityId, x.Currency)).ToDictionary(g => g.Key, g => g.Sum(x => x.Amount));
        var bookedInputs = set.Expenses.GroupBy(e => (e.LegalEntityId, e.Currency)).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        return (Same(expected, posted) && Same(bookedInputs, expenseLines))
            .Label($"expected {Show(expected)}, posted {Show(posted)}; booked {Show(bookedInputs)}, expense lines {Show(expenseLines)}");
    }

    [Property]
    public Property Every_expense_is_in_one_journal_of_its_booking_entity_and_one_of_its_employee_entity_only(ExpenseSet set)
    {
        var journals = PostingRun.Journals(set.Expenses, Options);
        var placements = journals.SelectMany(j => j.ExpenseIds.Select(id => (id, j.Key.EntityId))).ToList();
        var expected = set.Expenses.SelectMany(e => e.IsIntercompany ? new[] { (e.ExpenseId, e.LegalEntityId), (e.ExpenseId, e.EmployeeEntityId!) } : [(e.ExpenseId, e.LegalEntityId)]);
        var linesCoverJournal = journals.All(j => j.Lines.SelectMany(l => l.SourceIds).Distinct().Order(StringComparer.Ordinal).SequenceEqual(j.ExpenseIds));
        return (placements.Order().SequenceEqual(expected.Order()) && linesCoverJournal)
            .Label($"placements {string.Join(",", placements)}");
    }

    [Property]
    public Property Building_from_the_same_expenses_in_another_order_gives_the_same_journals(ExpenseSet set, int seed)
    {
        var random = new Random(seed);
        var shuffled = set.Expenses.OrderBy(_ => random.Next()).ToList();
        var first = PostingRun.Journals(set.Expenses, Options).OrderBy(j => j.ReconciliationId, StringComparer.Ordinal).Select(Describe);
        var second = PostingRun.Journals(shuffled, Options).OrderBy(j => j.ReconciliationId, StringComparer.Ordinal).Select(Describe);
        return first.SequenceEqual(second).ToProperty();
    }

    [Property]
    public Property Intercompany_due_to_and_due_from_name_each_other_and_carry_the_same_expenses(ExpenseSet set)
    {
        var journals = PostingRun.Journals(set.Expenses, Options);
        var dueTo = journals.SelectMany(j => j.Lines.Where(l => l.GlAccountId == Options.IntercompanyDueToAccount)
            .SelectMany(l => l.SourceIds.Select(id => (id, From: j.Key.EntityId, To: l.PartnerEntityId!))));
        var dueFrom = journals.SelectMany(j => j.Lines.Where(l => l.GlAccountId == Options.IntercompanyDueFromAccount)
            .SelectMany(l => l.SourceIds.Select(id => (id, From: l.PartnerEntityId!, To: j.Key.EntityId))));
        var intercompany = set.Expenses.Where(e => e.IsIntercompany).Select(e => (e.ExpenseId, From: e.LegalEntityId, To: e.EmployeeEntityId!));
        return (dueTo.Order().SequenceEqual(intercompany.Order()) && dueFrom.Order().SequenceEqual(intercompany.Order())).ToProperty();
    }

    [Property]
    public Property Reconciliation_ids_are_the_same_for_equal_keys_and_distinct_for_different_keys(JournalKey[] keys)
    {
        var distinctKeys = keys.Distinct().ToList();
        var ids = distinctKeys.Select(ReconciliationId.For).ToList();
        var stable = distinctKeys.All(k => ReconciliationId.For(k) == ReconciliationId.For(k with { }));
        return (stable && ids.Distinct(StringComparer.Ordinal).Count() == ids.Count).Label(string.Join(", ", ids));
    }

    private static bool Same<TKey>(Dictionary<TKey, decimal> a, Dictionary<TKey, decimal> b) where TKey : notnull =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static string Show<TKey>(Dictionary<TKey, decimal> d) where TKey : notnull => string.Join(", ", d.Select(kv => $"{kv.Key}={kv.Value}"));

    private static string Describe(Journal j) =>
        $"{j.ReconciliationId} {j.TotalDebit}/{j.TotalCredit} " + string.Join(" | ", j.Lines.Select(l => $"{l.LineNumber} {l.Side} {l.GlAccountId} {l.CostCenterId} {l.ProjectId} {l.TaxCodeId} {l.PartnerEntityId} {l.Amount} [{string.Join(",", l.SourceIds)}]"));
}
