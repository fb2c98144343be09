using System.Text.RegularExpressions;
using StreamFinance.Domain.Journals;

namespace StreamFinance.Domain.Tests.Journals;

public class ReconciliationIdTests
{
    [Fact]
    public void Reconciliation_id_names_entity_currency_and_window_start_then_eight_hex_digits()
    {
        var id = ReconciliationId.For(Expenses.Key("US01", "USD"));

        Assert.Matches(new Regex("^JE-US01-USD-20261126T1000Z-[0-9A-F]{8}$"), id);
    }

    [Fact]
    public void Reconciliation_id_differs_between_periods_of_one_window_and_between_window_sizes()
    {
        var key = Expenses.Key("US01", "USD");
        var otherPeriod = key with { PeriodNumber = 12 };
        var longerWindow = key with { Window = new PostingWindow(key.Window.Start, key.Window.Start.AddHours(2)) };

        Assert.Equal(3, new[] { key, otherPeriod, longerWindow }.Select(ReconciliationId.For).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Reconciliation_id_does_not_depend_on_the_offset_the_window_was_given_in()
    {
        var key = Expenses.Key("US01", "USD");
        var offset = TimeSpan.FromHours(2);
        var sameInstants = key with { Window = new PostingWindow(key.Window.Start.ToOffset(offset), key.Window.End.ToOffset(offset)) };

        Assert.Equal(ReconciliationId.For(key), ReconciliationId.For(sameInstants));
    }

    [Fact]
    public void The_reconciliation_id_the_erp_deduplicates_on_is_pinned()
    {
        // Computed independently: SHA-256 of "US01|USD|1795687200000|1795690800000|2026|11", first 4 bytes in upper-case hex.
        var window = new PostingWindow(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 26, 11, 0, 0, TimeSpan.Zero));

        Assert.Equal("JE-US01-USD-20261126T1000Z-D6F4380C", ReconciliationId.For(new JournalKey("US01", "USD", 2026, 11, window)));
    }
}
