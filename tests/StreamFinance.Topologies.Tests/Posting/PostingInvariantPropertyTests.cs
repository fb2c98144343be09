using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Money;

namespace StreamFinance.Topologies.Tests.Posting;

[Properties(Arbitrary = [typeof(DeliverySchedules)], MaxTest = 30)]
public class PostingInvariantPropertyTests
{
    [Property]
    public Property Random_deliveries_with_duplicates_late_records_and_unpostable_codings_post_every_expense_exactly_once_in_balanced_journals(DeliverySchedule schedule)
    {
        using var driver = new PostingDriver();
        foreach (var delivery in schedule.Deliveries)
            driver.Send(delivery.Approved);
        driver.WallClockReaches(TestApprovedExpenses.TenOClock.AddDays(1));
        var journals = driver.Journals().Select(j => j.Journal).ToList();
        var deadLetters = driver.DeadLetters();
        var distinct = schedule.Deliveries.DistinctBy(d => d.Approved.expense.expenseId).ToList();

        var problems = new List<string>();
        foreach (var journal in journals)
        {
            var units = CurrencyMinorUnits.Of(journal.currency);
            var debit = journal.Sum(JournalSide.DEBIT);
            var credit = journal.Sum(JournalSide.CREDIT);
            if (debit != credit || debit != journal.totalDebit.ToDecimal() || credit != journal.totalCredit.ToDecimal() || journal.lineCount != journal.lines.Count)
                problems.Add($"{journal.reconciliationId}: lines {debit}/{credit}, totals {journal.totalDebit.ToDecimal()}/{journal.totalCredit.ToDecimal()}, count {journal.lineCount}/{journal.lines.Count}");
            problems.AddRange(journal.lines.Where(l => l.amount.ToDecimal() != Math.Round(l.amount.ToDecimal(), units) || l.amount.currency != journal.currency)
                .Select(l => $"{journal.reconciliationId} line {l.lineNumber}: {l.amount.ToDecimal()} {l.amount.currency}"));
        }

        var placements = journals.SelectMany(j => j.ExpenseIds().Select(id => (j.legalEntityId, id))).ToList();
        var expectedPlacements = distinct.Where(d => !d.Unpostable).SelectMany(d => Contributions(d.Approved).Select(c => (c.Entity, d.Approved.expense.expenseId))).ToList();
        if (!placements.Order().SequenceEqual(expectedPlacements.Order()))
            problems.Add($"placements {string.Join(",", placements.Order())} expected {string.Join(",", expectedPlacements.Order())}");

        var posted = journals.GroupBy(j => (j.legalEntityId, j.currency)).ToDictionary(g => g.Key, g => g.Sum(j => j.totalDebit.ToDecimal()));
        var input = distinct.Where(d => !d.Unpostable).SelectMany(d => Contributions(d.Approved)).GroupBy(c => (c.Entity, c.Currency)).ToDictionary(g => g.Key, g => g.Sum(c => c.Amount));
        if (posted.Count != input.Count || input.Any(kv => posted.GetValueOrDefault(kv.Key) != kv.Value))
            problems.Add($"posted {string.Join(", ", posted)} but input {string.Join(", ", input)}");

        var deadLettered = deadLetters.Select(d => System.Text.Encoding.UTF8.GetString(d.rawKey)).Order().ToList();
        var unpostable = distinct.Where(d => d.Unpostable).Select(d => d.Approved.expense.expenseId).Order().ToList();
        var unpostableDeliveries = schedule.Deliveries.Count(d => d.Unpostable);
        if (deadLetters.Count != unpostableDeliveries || !deadLettered.Distinct().SequenceEqual(unpostable))
            problems.Add($"dead letters for {string.Join(",", deadLettered)}; unpostable {string.Join(",", unpostable)} delivered {unpostableDeliveries} times");

        return (problems.Count == 0).Label(string.Join(Environment.NewLine, problems))
            .Classify(journals.Count > 4, "more than four journals")
            .Classify(schedule.Deliveries.Count > distinct.Count, "with duplicates");
    }

    private static IEnumerable<(string Entity, string Currency, decimal Amount)> Contributions(ApprovedExpense approved)
    {
        yield return (approved.legalEntityId, approved.functionalAmount.currency, approved.functionalAmount.ToDecimal());
        if (approved.employeeEntityId is { } employee)
            yield return (employee, approved.employeeEntityAmount.currency, approved.employeeEntityAmount.ToDecimal());
    }
}
