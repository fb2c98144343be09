using Avro.Specific;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources.Formats;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Topologies.Expenses;
using static StreamFinance.Topologies.Tests.Expenses.ExpenseWorld;

namespace StreamFinance.Topologies.Tests.Expenses;

/// <summary>
/// The shipped Ramp, Brex and Concur samples, mapped by the shipped profiles, through the expense topology with the
/// master data of the shipped samples (employees, cost centers, project of Samples/netsuite and Samples/sap, the
/// November 2026 periods): every purchase posts exactly once.
/// </summary>
public sealed class ShippedSpendSamplesTests
{
    private const string Ramp = "c74326d3-a6b3-4a88-9a0c-4b61850784c";

    private const string Brex = "expense_ckx1brex000000";

    [Fact]
    public void Shipped_Ramp_Brex_and_Concur_samples_post_each_purchase_once_the_report_line_winning_and_cross_entity_spend_booked_intercompany()
    {
        using var driver = new ExpenseDriver();
        driver.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));
        foreach (var record in SampleMasterData())
            driver.MasterData(record);

        // The report arrives first: its lines name the Ramp flight and the Brex dinner.
        foreach (var line in Mapped<ExpenseLine>("concur-expense-entries", "concur/expense-entries-page-1.json"))
            driver.Send(line);
        foreach (var card in Mapped<CardTransaction>("ramp-card-transactions", "ramp/transactions-page-1.json")
                     .Concat(Mapped<CardTransaction>("brex-card-transactions", "brex/card-transactions-page-1.json")))
            driver.Send(card);
        driver.ReportLineWaitPasses();

        var approved = driver.Approved();
        var byPurchase = approved.Where(a => a.expense.cardTransactionId is not null).GroupBy(a => a.expense.cardTransactionId!.Split(':')[^1]).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(byPurchase, p => Assert.Single(p.Value));
        // The report lines post the flight and the dinner; the coded cards are merged into them.
        Assert.Equal("gWqpKh4H7Y$pL0WbRx2uQ9n1jE", byPurchase[Ramp + "1"][0].expense.expenseId);
        Assert.Equal("gWqpKh4H7Y$pL0WbRx2uQ9n1jF", byPurchase[Brex + "3"][0].expense.expenseId);
        Assert.Equal(2, driver.ExpenseMetrics.Purchases(ExpenseMetrics.CardSide, ExpenseMetrics.Merged));
        // The other coded purchases post on their own once the report-line wait passes.
        Assert.Equal(
            [$"brex:{Brex}1", $"brex:{Brex}2", $"brex:{Brex}5", $"ramp:{Ramp}2", $"ramp:{Ramp}4", $"ramp:{Ramp}5", $"ramp:{Ramp}6"],
            approved.Where(a => a.expense.codedCardTransaction == true).Select(a => a.expense.expenseId).Order(StringComparer.Ordinal));
        Assert.All(byPurchase.Values, p => Assert.True(p[0].isCardCharge));
        // A US01 employee's dinner coded to the German sales cost center is booked by DE01, intercompany with US01.
        var dinner = byPurchase[Ramp + "5"][0];
        Assert.Equal(("DE01", "US01", "CC-2010", 95.0000m, "EUR"), (dinner.legalEntityId, dinner.employeeEntityId, dinner.costCenterId, dinner.expense.amount.ToDecimal(), dinner.expense.amount.currency));
        Assert.Equal(("JP01", 18700.0000m, "JPY"), (byPurchase[Ramp + "4"][0].legalEntityId, byPurchase[Ramp + "4"][0].expense.amount.ToDecimal(), byPurchase[Ramp + "4"][0].expense.amount.currency));
        // The uncoded charges wait for the expense line that documents them.
        Assert.Equal([Ramp + "3", Brex + "4"], driver.HeldCards().Order(StringComparer.Ordinal));
        Assert.Empty(driver.WaitingCodedCards());
    }

    /// <summary>The records of <paramref name="sample"/> that <paramref name="profile"/> maps (the broken ones are left out, as the connector dead-letters them).</summary>
    private static List<T> Mapped<T>(string profile, string sample) where T : ISpecificRecord
    {
        var mapper = new MappingProfileLoader().LoadFile(Path.Combine(AppContext.BaseDirectory, "Profiles", profile + ".yaml"));
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", sample));
        return SourceFormats.Default.Get(mapper.Format).Read(bytes, sample, mapper.FormatOptions)
            .Select(read => read.Record is null ? null : mapper.Map(read.Record, Today.UtcDateTime).Record)
            .Where(record => record is not null)
            .Select(record => (T)record!.Value)
            .ToList();
    }

    /// <summary>The employees, cost centers and project of the shipped master-data samples that the spend samples name, and the November 2026 periods.</summary>
    private static IEnumerable<(string, StreamFinance.Contracts.MasterData.MasterDataHistory)> SampleMasterData()
    {
        yield return Hired("E-US01-001", "US01", "CC-1010");
        yield return Hired("E-US01-002", "US01", "CC-1020");
        yield return Hired("E-US01-003", "US01", "CC-1000");
        yield return Hired("E-DE01-001", "DE01", "CC-2010");
        yield return Hired("E-DE01-002", "DE01", "CC-2020");
        yield return Hired("E-JP01-001", "JP01", "CC-3010");
        foreach (var center in new[] { "CC-1010", "CC-1020" })
            yield return CostCenterOpened(center);
        foreach (var center in new[] { "CC-2010", "CC-2020" })
            yield return CostCenterOpened(center, "DE01");
        yield return CostCenterOpened("CC-3010", "JP01");
        yield return ProjectOpened("PRJ-EU-LAUNCH", "DE01");
        foreach (var entity in new[] { "US01", "DE01", "JP01" })
            yield return PeriodOpened(entity, "2026-11-01");
        yield return Rate("EUR", "USD", "2026-11-18", 1.0850m);
        yield return Rate("EUR", "USD", "2026-11-20", 1.0885m);
    }
}
