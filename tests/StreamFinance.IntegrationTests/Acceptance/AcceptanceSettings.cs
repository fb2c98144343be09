using StreamFinance.Domain.Expenses;
using StreamFinance.IntegrationTests.Acceptance.Model;
using StreamFinance.TestSupport.Files;
using PostingOptions = StreamFinance.Domain.Journals.PostingOptions;

namespace StreamFinance.IntegrationTests.Acceptance;

/// <summary>
/// The settings of the acceptance runs, as a finance team would write them in <c>appsettings.json</c>, and the same
/// settings as the model reads them. Defaults everywhere except: the GL-account fallback lists the categories the team
/// had before SAP's expense types flowed (no OFFICE_SUPPLIES, which SAP has only from 2026-06-01); Brex is the system of
/// record for its coded card spend (<c>PostsOverReport:brex</c>); and the horizons and check cadences are short so a run
/// takes seconds (the test moves the topologies' clock over the waits and horizons instead of sleeping).
/// </summary>
public static class AcceptanceSettings
{
    /// <summary>The run's "now": Wednesday 2026-07-15 08:00 UTC. US01 has closed April and May, DE01 June, JP01 April.</summary>
    public static readonly DateTimeOffset Start = new(2026, 7, 15, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The folder of the checked-in dataset.</summary>
    public static string DataRoot => RepositoryRoot.Combine("tests", "StreamFinance.IntegrationTests", "Acceptance", "Data");

    /// <summary>The <c>Expenses</c> settings of a run.</summary>
    public static ExpenseOptions Expenses(ClosedPeriodPolicy closedPeriod, MidpointRounding rounding)
    {
        var options = new ExpenseOptions
        {
            ClosedPeriod = closedPeriod,
            Rounding = rounding,
            MasterDataWaitHorizon = TimeSpan.FromHours(12),
            MasterDataWaitCheckInterval = TimeSpan.FromSeconds(1),
            CardDocumentationHorizonDays = 1,
            CardDocumentationCheckInterval = TimeSpan.FromSeconds(1),
            CardSpend = new CardSpendOptions { WaitCheckInterval = TimeSpan.FromSeconds(1), PostsOverReport = new(StringComparer.OrdinalIgnoreCase) { ["brex"] = true } },
        };
        options.CategoryGlAccounts.Remove("OFFICE_SUPPLIES");
        Assert.Empty(options.Validate());
        return options;
    }

    /// <summary>The same settings as the model applies them.</summary>
    public static ModelPolicy Model(ExpenseOptions options) => new(
        options.ClosedPeriod == ClosedPeriodPolicy.DeadLetter,
        options.Rounding == MidpointRounding.ToEven,
        options.CategoryGlAccounts,
        options.DefaultTaxCodes,
        options.ReceiptThresholds,
        options.CategoryLimits.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<string, decimal>)c.Value),
        options.CardSpend.PostsOverReport.Where(p => p.Value).Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>One-minute posting windows closed on the wall clock, checked every second, as the end-to-end scenario uses.</summary>
    public static PostingOptions Posting() => new()
    {
        WindowSize = TimeSpan.FromMinutes(1),
        GracePeriod = TimeSpan.FromSeconds(2),
        CloseOnWallClock = true,
        CloseCheckInterval = TimeSpan.FromSeconds(1),
    };
}
