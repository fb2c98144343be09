using FsCheck;
using FsCheck.Fluent;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Topologies.Tests.Posting;

/// <summary>
/// Random deliveries of approved expenses: entities in JPY (0), USD and EUR (2) and BHD (3 minor units), card and
/// out-of-pocket, a quarter intercompany, one in ten with an amount finer than its currency allows (unpostable), one in
/// five delivered twice, approval times over five hours arriving in random order (so some miss their window's grace).
/// </summary>
public static class DeliverySchedules
{
    private static readonly (string Entity, string Currency)[] Entities = [("US01", "USD"), ("DE01", "EUR"), ("JP01", "JPY"), ("BH01", "BHD")];

    public static Arbitrary<DeliverySchedule> Schedule() =>
        Gen.Choose(0, 25)
            .SelectMany(count => Gen.CollectToList(Enumerable.Range(0, count), Expense))
            .SelectMany(expenses => Gen.CollectToList(expenses, e => Gen.Frequency((4, Gen.Constant(new[] { e })), (1, Gen.Constant(new[] { e, e })))))
            .SelectMany(deliveries => Gen.Shuffle(deliveries.SelectMany(d => d).ToArray()))
            .Select(order => new DeliverySchedule(order))
            .ToArbitrary();

    private static decimal Scale(string currency) => currency switch { "JPY" => 1m, "BHD" => 1000m, _ => 100m };

    private static Gen<PlannedExpense> Expense(int index) =>
        from booking in Gen.Elements(Entities)
        from minor in Gen.Choose(1, 2_000_000)
        from minutes in Gen.Choose(0, 300)
        from card in Gen.Elements(true, false)
        from gl in Gen.Elements("6100", "6200")
        from period in Gen.Elements(10, 11)
        from intercompany in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from employee in Gen.Elements(Entities.Where(e => e.Entity != booking.Entity).ToArray())
        from employeeMinor in Gen.Choose(1, 2_000_000)
        from unpostable in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        let amount = minor / Scale(booking.Currency) + (unpostable ? 1m / Scale(booking.Currency) / 10m : 0m)
        select new PlannedExpense(
            TestApprovedExpenses.Approved(
                $"EXP-{index:D3}", booking.Entity, amount, booking.Currency, TestApprovedExpenses.TenOClock.AddMinutes(minutes), card, gl,
                intercompany ? employee.Entity : null, intercompany ? employeeMinor / Scale(employee.Currency) : null, intercompany ? employee.Currency : null, period),
            unpostable);
}

/// <summary>One approved expense and whether it is meant to be unpostable.</summary>
public sealed record PlannedExpense(ApprovedExpense Approved, bool Unpostable)
{
    public override string ToString() =>
        $"{Approved.expense.expenseId} {Approved.legalEntityId} {Approved.functionalAmount.amount} {Approved.functionalAmount.currency} at {Approved.envelope.eventTime:HH:mm}" +
        (Approved.employeeEntityId is null ? "" : $" ic {Approved.employeeEntityId}") + (Unpostable ? " UNPOSTABLE" : "");
}

/// <summary>Deliveries in arrival order, duplicates included.</summary>
public sealed record DeliverySchedule(IReadOnlyList<PlannedExpense> Deliveries)
{
    public override string ToString() => string.Join(Environment.NewLine, Deliveries);
}
