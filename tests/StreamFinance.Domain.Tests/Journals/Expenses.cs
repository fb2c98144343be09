using StreamFinance.Domain.Journals;

namespace StreamFinance.Domain.Tests.Journals;

/// <summary>Hand-made expenses for the example tests.</summary>
internal static class Expenses
{
    public static readonly DateTimeOffset TenOClock = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    public static ExpenseToPost Us(string id, decimal amount, string tax = "US-EXEMPT", bool card = false, string gl = "6100", string? project = null) =>
        new(id, TenOClock.AddMinutes(5), "US01", amount, "USD", gl, "CC-1001", project, tax, card, 2026, 11);

    public static ExpenseToPost DeChargedForUsEmployee(string id, decimal eur, decimal usd, bool card = false) =>
        new(id, TenOClock.AddMinutes(5), "DE01", eur, "EUR", "6100", "CC-2001", null, "DE-VAT19", card, 2026, 11, "US01", usd, "USD");

    public static IReadOnlyList<PostingContribution> Contributions(PostingOptions options, params ExpenseToPost[] expenses) =>
        expenses.SelectMany(e => PostingContributions.Of(e, options)).ToList();

    public static JournalKey Key(string entity, string currency) =>
        new(entity, currency, 2026, 11, PostingWindow.Containing(TenOClock, TimeSpan.FromHours(1)));
}
