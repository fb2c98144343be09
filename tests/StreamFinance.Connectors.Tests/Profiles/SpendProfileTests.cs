using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;

namespace StreamFinance.Connectors.Tests.Profiles;

/// <summary>
/// The shipped Ramp and Brex coded spend profiles against their samples: every sample transaction maps to exactly the
/// canonical card transaction expected (ids, dates, amounts read from minor units per currency and written at the Money
/// schema's scale 4, coding), and the broken one fails.
/// </summary>
public class SpendProfileTests
{
    private const string Ramp = "c74326d3-a6b3-4a88-9a0c-4b61850784c";

    private const string Brex = "expense_ckx1brex000000";

    public static TheoryData<string, string> RampTransactions() => new()
    {
        { Ramp + "1", "E-US01-001|United Airlines|4511|2026-11-17|2026-11-16|642.3000 USD|642.3000 USD|CC-1000|-|AIRFARE|Customer visit Chicago|True" },
        { Ramp + "2", "E-DE01-001|Hotel Adlon|7011|2026-11-20|2026-11-18|119.0000 EUR|119.0000 EUR|CC-2010|PRJ-EU-LAUNCH|HOTEL|EU launch, customer workshop|True" },
        { Ramp + "3", "E-US01-002|Uber|4121|2026-11-20|2026-11-19|23.4500 USD|23.4500 USD|-|-|GROUND_TRANSPORT|-|False" },
        { Ramp + "4", "E-JP01-001|ASKUL|5943|2026-11-18|2026-11-17|18700.0000 JPY|18700.0000 JPY|CC-3010|-|OFFICE_SUPPLIES|Printer toner, Tokyo office|True" },
        { Ramp + "5", "E-US01-003|Borchardt|5812|2026-11-23|2026-11-20|95.0000 EUR|103.4100 USD|CC-2010|-|MEALS|Dinner with the Berlin sales team, charged to their cost center|True" },
        { Ramp + "6", "E-US01-001|United Airlines|4511|2026-11-23|2026-11-21|-120.0000 USD|-120.0000 USD|CC-1000|-|AIRFARE|Refund: seat upgrade not provided|True" },
    };

    public static TheoryData<string, string> BrexExpenses() => new()
    {
        { Brex + "1", "E-US01-002|GITHUB.COM|5734|2026-11-14|2026-11-14|21.0000 USD|21.0000 USD|CC-1020|-|SOFTWARE|GitHub Team seats, November|True" },
        { Brex + "2", "E-JP01-001|ASKUL CORP TOKYO|5943|2026-11-16|2026-11-16|18700.0000 JPY|18700.0000 JPY|CC-3000|-|OFFICE_SUPPLIES|Copy paper and binders|True" },
        { Brex + "3", "E-DE01-002|VAPIANO BERLIN MITTE|5812|2026-11-18|2026-11-18|84.5000 EUR|84.5000 EUR|CC-2010|PRJ-EU-LAUNCH|MEALS|Team dinner, EU launch|True" },
        { Brex + "4", "E-US01-003|LYFT *RIDE THU 8PM|4121|2026-11-19|2026-11-19|18.4000 USD|18.4000 USD|-|-|GROUND_TRANSPORT|-|False" },
        { Brex + "5", "E-US01-001|STAPLES 0042|5943|2026-11-20|2026-11-20|-45.9900 USD|-45.9900 USD|CC-1000|-|OFFICE_SUPPLIES|Returned a damaged monitor stand|True" },
    };

    [Theory]
    [MemberData(nameof(RampTransactions))]
    public void Each_Ramp_sample_transaction_maps_to_its_exact_card_transaction(string id, string expected) =>
        AssertMapsTo("ramp", "ramp/transactions-page-1.json", id, expected);

    [Theory]
    [MemberData(nameof(BrexExpenses))]
    public void Each_Brex_sample_expense_maps_to_its_exact_card_transaction(string id, string expected) =>
        AssertMapsTo("brex", "brex/card-transactions-page-1.json", id, expected);

    [Fact]
    public void Ramp_event_time_is_the_instant_the_card_was_used_and_the_transaction_date_the_local_date()
    {
        var hotel = MappedSample.Of("ramp-card-transactions", "ramp/transactions-page-1.json").Value<CardTransaction>(Ramp + "2");

        // 21:40 in Berlin (UTC+1) is 20:40 UTC, and still the 18th where the card was used.
        Assert.Equal(new DateTime(2026, 11, 18, 20, 40, 0, DateTimeKind.Utc), hotel.envelope.eventTime);
        Assert.Equal(new DateTime(2026, 11, 18, 0, 0, 0, DateTimeKind.Utc), hotel.transactionDate);
    }

    [Fact]
    public void Brex_event_time_is_when_the_expense_was_last_updated()
    {
        var github = MappedSample.Of("brex-card-transactions", "brex/card-transactions-page-1.json").Value<CardTransaction>(Brex + "1");

        Assert.Equal(new DateTime(2026, 11, 15, 9, 30, 0, DateTimeKind.Utc), github.envelope.eventTime);
    }

    [Fact]
    public void A_Ramp_original_amount_that_is_not_an_integer_breaks_Ramps_schema_and_is_the_only_failure()
    {
        var sample = MappedSample.Of("ramp-card-transactions", "ramp/transactions-page-1.json");

        Assert.Equal(6, sample.Records.Count);
        var failure = Assert.Single(sample.Failures);
        Assert.Equal(("amount.amount", ReasonCode.SchemaInvalid), (failure.Field, failure.Reason));
        Assert.Contains("$.original_transaction_amount.amount", failure.Message);
    }

    [Fact]
    public void A_Brex_expense_in_an_unknown_currency_fails_mapping_and_is_the_only_failure()
    {
        var sample = MappedSample.Of("brex-card-transactions", "brex/card-transactions-page-1.json");

        Assert.Equal(5, sample.Records.Count);
        var failure = Assert.Single(sample.Failures);
        Assert.Equal(ReasonCode.MappingFailed, failure.Reason);
        Assert.Contains("'XYZ'", failure.Message);
    }

    [Fact]
    public void The_card_purchases_on_the_Concur_sample_report_name_the_Ramp_and_Brex_sample_transactions()
    {
        var concur = MappedSample.Of("concur-expense-entries", "concur/expense-entries-page-1.json");
        var named = concur.Records.Select(r => ((ExpenseLine)r.Value).cardTransactionId).Where(id => id is not null).ToList();

        Assert.Equal([Ramp + "1", Brex + "3"], named);
        var air = concur.Value<ExpenseLine>("gWqpKh4H7Y$pL0WbRx2uQ9n1jE");
        var flight = MappedSample.Of("ramp-card-transactions", "ramp/transactions-page-1.json").Value<CardTransaction>(Ramp + "1");
        Assert.Equal((flight.amount.ToDecimal(), flight.amount.currency, flight.costCenterId, flight.category, flight.transactionDate),
            (air.amount.ToDecimal(), air.amount.currency, air.costCenterId, air.category, air.transactionDate));
        var meal = concur.Value<ExpenseLine>("gWqpKh4H7Y$pL0WbRx2uQ9n1jF");
        var dinner = MappedSample.Of("brex-card-transactions", "brex/card-transactions-page-1.json").Value<CardTransaction>(Brex + "3");
        Assert.Equal((dinner.amount.ToDecimal(), dinner.amount.currency, dinner.costCenterId, dinner.projectId, dinner.category, dinner.transactionDate),
            (meal.amount.ToDecimal(), meal.amount.currency, meal.costCenterId, meal.projectId, meal.category, meal.transactionDate));
    }

    private static void AssertMapsTo(string source, string sample, string id, string expected)
    {
        var card = MappedSample.Of($"{source}-card-transactions", sample).Value<CardTransaction>(id);

        Assert.Equal(expected, Flat(card));
        Assert.Equal(id, card.transactionId);
        Assert.Equal((source, $"{source}-card-transactions@2", $"{source}:ingest.card-transactions:{id}"),
            (card.envelope.sourceSystem, card.envelope.mappingProfile, card.envelope.idempotencyKey));
    }

    private static string Flat(CardTransaction c) => string.Join('|',
        c.employeeId, c.merchant, c.mcc, Day(c.postedDate), Day(c.transactionDate), Money(c.amount), Money(c.billedAmount),
        c.costCenterId ?? "-", c.projectId ?? "-", c.category ?? "-", c.memo ?? "-", c.receiptAttached?.ToString() ?? "-");

    private static string Day(DateTime d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Money(Money m) =>
        $"{m.ToDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture)} {m.currency}";
}
