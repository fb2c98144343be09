using StreamFinance.Topologies.Posting;

namespace StreamFinance.Topologies.Tests.Posting;

public class PostingKeysTests
{
    private static readonly DateTimeOffset Ten = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Open_expense_keys_read_back_and_sort_ordinally_by_window_then_entity_then_currency()
    {
        var keys = new[]
        {
            PostingKeys.OpenExpense(Ten.AddHours(1), "AA01", "EUR", "E1"),
            PostingKeys.OpenExpense(Ten, "US01", "USD", "E2"),
            PostingKeys.OpenExpense(Ten, "DE01", "EUR", "E3"),
            PostingKeys.OpenExpense(Ten.AddDays(-1), "ZZ01", "USD", "E4"),
        };

        var sorted = keys.Order(StringComparer.Ordinal).Select(PostingKeys.ParseOpenExpense).Select(k => $"{k.WindowStart:ddHH} {k.Entity} {k.Currency} {k.ExpenseId}");

        Assert.Equal(["2510 ZZ01 USD E4", "2610 DE01 EUR E3", "2610 US01 USD E2", "2611 AA01 EUR E1"], sorted);
    }

    [Fact]
    public void A_key_of_another_shape_is_refused_with_what_to_do()
    {
        var error = Assert.Throws<FormatException>(() => PostingKeys.ParseOpenExpense("20261126T100000Z|US01|USD"));

        Assert.Contains("reset the posting application's state", error.Message, StringComparison.Ordinal);
    }
}
