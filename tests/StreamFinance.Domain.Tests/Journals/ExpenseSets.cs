using FsCheck;
using FsCheck.Fluent;
using StreamFinance.Domain.Journals;

namespace StreamFinance.Domain.Tests.Journals;

/// <summary>Random sets of postable expenses: four entities in JPY (0), USD and EUR (2) and BHD (3 minor units), card and out-of-pocket, intercompany, two periods, six hours of approvals.</summary>
public static class ExpenseSets
{
    public static readonly (string Entity, string Currency)[] Entities = [("US01", "USD"), ("DE01", "EUR"), ("JP01", "JPY"), ("BH01", "BHD")];

    public static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    public static Arbitrary<ExpenseSet> ExpenseSet() =>
        Gen.Choose(0, 40).SelectMany(count => Gen.CollectToList(Enumerable.Range(0, count), Expense)).Select(list => new ExpenseSet(list)).ToArbitrary();

    public static Arbitrary<JournalKey[]> JournalKeys() =>
        Gen.ArrayOf(
            from entity in Gen.Elements(Entities)
            from year in Gen.Choose(2025, 2027)
            from period in Gen.Choose(1, 13)
            from hour in Gen.Choose(0, 48)
            from size in Gen.Elements(1, 2, 4)
            let start = Start.AddHours(hour * size)
            select new JournalKey(entity.Entity, entity.Currency, year, period, new PostingWindow(start, start.AddHours(size)))).ToArbitrary();

    public static Gen<decimal> Amount(string currency) =>
        Gen.Choose(1, 5_000_000).Select(minor => minor / Scale(currency));

    public static decimal Scale(string currency) => currency switch { "JPY" => 1m, "BHD" => 1000m, _ => 100m };

    private static Gen<ExpenseToPost> Expense(int index) =>
        from booking in Gen.Elements(Entities)
        from amount in Amount(booking.Currency)
        from minutes in Gen.Choose(0, 6 * 60)
        from gl in Gen.Elements("6100", "6200", "6300")
        from costCenter in Gen.Elements("CC-1", "CC-2")
        from project in Gen.Elements<string?>(null, "PRJ-7")
        from tax in Gen.Elements("VAT19", "EXEMPT")
        from card in Gen.Elements(true, false)
        from period in Gen.Elements(10, 11)
        from intercompany in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from employee in Gen.Elements(Entities.Where(e => e.Entity != booking.Entity).ToArray())
        from employeeAmount in Amount(employee.Currency)
        select new ExpenseToPost(
            $"EXP-{index:D4}", Start.AddMinutes(minutes).AddSeconds(index % 60), booking.Entity, amount, booking.Currency, gl, costCenter, project, tax, card, 2026, period,
            intercompany ? employee.Entity : null, intercompany ? employeeAmount : null, intercompany ? employee.Currency : null);
}

/// <summary>A set of expenses with distinct ids.</summary>
public sealed record ExpenseSet(IReadOnlyList<ExpenseToPost> Expenses)
{
    public override string ToString() => $"{Expenses.Count} expenses: " + string.Join("; ", Expenses.Select(e => $"{e.ExpenseId} {e.LegalEntityId} {e.Amount} {e.Currency}{(e.IsIntercompany ? $" ic {e.EmployeeEntityId} {e.EmployeeEntityAmount} {e.EmployeeEntityCurrency}" : "")}"));
}
