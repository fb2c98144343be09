using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Tests.Profiles;

public class ExpenseProfileTests
{
    private static DateTime Nov(int day) => new(2026, 11, day, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Concur_entries_map_to_expense_lines_with_amounts_dates_categories_and_envelope()
    {
        var sample = MappedSample.Of("concur-expense-entries", "concur/expense-entries-page-1.json");

        Assert.Equal(6, sample.Count);
        var air = sample.Value<ExpenseLine>("gWqpKh4H7Y$pL0WbRx2uQ9n1jE");
        Assert.Equal("RPT-E-US01-001-202611", air.reportId);
        Assert.Equal("E-US01-001", air.employeeId);
        Assert.Equal("AIRFARE", air.category);
        Assert.Equal(new DateTime(2026, 11, 16, 0, 0, 0, DateTimeKind.Utc), air.transactionDate);
        Assert.Equal(642.30m, air.amount.ToDecimal());
        Assert.Equal("USD", air.amount.currency);
        Assert.Null(air.tax);
        Assert.True(air.receiptAttached);
        Assert.Equal("c74326d3-a6b3-4a88-9a0c-4b61850784c1", air.cardTransactionId);
        Assert.Equal("CC-1000", air.costCenterId);
        Assert.Null(air.projectId);
        Assert.Null(air.chargedEntityId);
        Assert.Equal("concur", air.envelope.sourceSystem);
        Assert.Equal("concur:ingest.expenses:gWqpKh4H7Y$pL0WbRx2uQ9n1jE", air.envelope.idempotencyKey);
        Assert.Equal("concur-expense-entries@1", air.envelope.mappingProfile);
        Assert.Equal("RPT-E-US01-001-202611", air.envelope.correlationId);
        // LastModified 2026-11-17T09:12:44 New York (EST, UTC-5).
        Assert.Equal(new DateTime(2026, 11, 17, 14, 12, 44, DateTimeKind.Utc), air.envelope.eventTime);
        Assert.Equal(ProfileSamples.IngestTime, air.envelope.ingestTime);

        var meal = sample.Value<ExpenseLine>("gWqpKh4H7Y$pL0WbRx2uQ9n1jF");
        Assert.Equal(84.50m, meal.amount.ToDecimal());
        Assert.Equal(13.49m, meal.tax!.ToDecimal());
        Assert.Equal("EUR", meal.tax.currency);
        Assert.Equal("PRJ-EU-LAUNCH", meal.projectId);

        var taxi = sample.Value<ExpenseLine>("gWqpKh4H7Y$pL0WbRx2uQ9n1jG");
        Assert.Equal(4380m, taxi.amount.ToDecimal());
        Assert.Equal("JPY", taxi.amount.currency);
        Assert.Equal(string.Empty, taxi.description);
        Assert.False(taxi.receiptAttached);
    }

    [Fact]
    public void Concur_charged_legal_entity_custom_field_maps_to_charged_entity_id_for_an_intercompany_line()
    {
        var sample = MappedSample.Of("concur-expense-entries", "concur/expense-entries-page-1.json");

        var hotel = sample.Value<ExpenseLine>("gWqpKh4H7Y$pL0WbRx2uQ9n1jK");
        Assert.Equal(("E-US01-006", "DE01", "CC-2010"), (hotel.employeeId, hotel.chargedEntityId, hotel.costCenterId));
        Assert.Equal(("HOTEL", 310.00m, "USD"), (hotel.category, hotel.amount.ToDecimal(), hotel.amount.currency));
        Assert.Null(hotel.cardTransactionId);
        Assert.Null(hotel.projectId);
        // The lines without the custom field (Custom3 absent) book in the employee's entity.
        Assert.Null(sample.Value<ExpenseLine>("gWqpKh4H7Y$pL0WbRx2uQ9n1jF").chargedEntityId);
        Assert.Null(sample.Value<ExpenseLine>("gWqpKh4H7Y$pL0WbRx2uQ9n1jG").chargedEntityId);
    }

    [Fact]
    public void Concur_garbled_amount_and_unmapped_expense_type_fail_naming_field_path_and_value()
    {
        var failures = MappedSample.Of("concur-expense-entries", "concur/expense-entries-page-1.json").Failures;

        Assert.Equal(2, failures.Count);
        Assert.Equal(ReasonCode.MappingFailed, failures[0].Reason);
        Assert.Equal("amount.amount", failures[0].Field);
        Assert.Contains("'12,3x' at $.TransactionAmount is not a decimal", failures[0].Message);
        Assert.Equal(ReasonCode.MappingFailed, failures[1].Reason);
        Assert.Equal("category", failures[1].Field);
        Assert.Contains("'GIFTS' at $.ExpenseTypeCode is not in the value map", failures[1].Message);
        Assert.Contains("concur-expense-entries@1", failures[1].Message);
    }

    [Fact]
    public void Expensify_cents_are_divided_by_the_currency_minor_units_and_aliases_are_resolved()
    {
        var sample = MappedSample.Of("expensify-report-export", "expensify/report-export.json");

        var hotel = sample.Value<ExpenseLine>("5927141027381930011");
        Assert.Equal(412.50m, hotel.amount.ToDecimal());
        Assert.Equal("HOTEL", hotel.category);
        Assert.Equal(0m, hotel.tax!.ToDecimal());
        Assert.Equal(Nov(12), hotel.transactionDate);
        Assert.Equal("E-US01-002", hotel.employeeId);
        Assert.Equal("CC-1010", hotel.costCenterId);
        Assert.True(hotel.receiptAttached);
        var train = sample.Value<ExpenseLine>("5927141027381930012");
        Assert.Equal(129.90m, train.amount.ToDecimal());
        Assert.Equal("EUR", train.amount.currency);
        Assert.Equal(8.30m, train.tax!.ToDecimal());
        var software = sample.Value<ExpenseLine>("5927141027381930013");
        Assert.Equal("CC-1042", software.costCenterId);
        Assert.False(software.receiptAttached);
        var failure = Assert.Single(sample.Failures);
        Assert.Equal("category", failure.Field);
        Assert.Contains("'Entertainment'", failure.Message);
    }
}
