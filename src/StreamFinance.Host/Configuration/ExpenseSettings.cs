using Microsoft.Extensions.Configuration;
using StreamFinance.Domain.Expenses;

namespace StreamFinance.Host.Configuration;

/// <summary>
/// Binds the <c>Expenses</c> section into <see cref="ExpenseOptions"/>. A map that is present (<c>CategoryGlAccounts</c>,
/// <c>CategoryLimits</c>, <c>ReceiptThresholds</c>, <c>DefaultTaxCodes</c>) replaces the default map as a whole (the
/// configuration binder would otherwise merge it into the defaults); a map or value left out keeps its default.
/// Unknown keys are errors, as in every other section. Shape:
/// <code>
/// "Expenses": {
///   "CategoryGlAccounts": { "MEALS": "640300" },
///   "CategoryLimits": { "MEALS": { "USD": 150, "EUR": 140, "JPY": 22000 } },
///   "ReceiptThresholds": { "USD": 75, "EUR": 70, "JPY": 10000 },
///   "DefaultTaxCodes": { "US01": "US-EXEMPT" },
///   "BookingEntity": "CostCenter",
///   "ClosedPeriod": "RollForward",
///   "Rounding": "AwayFromZero",
///   "DedupeHorizonDays": 30,
///   "CardDocumentationHorizonDays": 30,
///   "MasterDataWaitHorizon": "1.00:00:00",
///   "MasterDataWaitCheckInterval": "00:00:05",
///   "CardSpend": { "ReportLineWait": "01:00:00", "PostsOverReport": { "brex": true } }
/// }
/// </code>
/// </summary>
public static class ExpenseSettings
{
    /// <summary>The bound options (not yet validated: see <see cref="ExpenseOptions.Validate"/>).</summary>
    /// <exception cref="ConfigurationException">A key is unknown or a value cannot be converted.</exception>
    public static ExpenseOptions Bind(IConfiguration configuration)
    {
        var section = configuration.GetSection(ExpenseOptions.Section);
        var defaults = ExpenseOptions.Default();
        var options = new ExpenseOptions
        {
            CategoryGlAccounts = new(StringComparer.Ordinal),
            CategoryLimits = new(StringComparer.Ordinal),
            ReceiptThresholds = new(StringComparer.Ordinal),
            DefaultTaxCodes = new(StringComparer.Ordinal),
        };
        try
        {
            section.Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            var detail = e.InnerException is null ? e.Message : $"{e.Message} {e.InnerException.Message}";
            throw new ConfigurationException($"Setting in section '{ExpenseOptions.Section}' is invalid: {detail}", e);
        }
        if (!section.GetSection(nameof(ExpenseOptions.CategoryGlAccounts)).Exists())
            options.CategoryGlAccounts = defaults.CategoryGlAccounts;
        if (!section.GetSection(nameof(ExpenseOptions.CategoryLimits)).Exists())
            options.CategoryLimits = defaults.CategoryLimits;
        if (!section.GetSection(nameof(ExpenseOptions.ReceiptThresholds)).Exists())
            options.ReceiptThresholds = defaults.ReceiptThresholds;
        if (!section.GetSection(nameof(ExpenseOptions.DefaultTaxCodes)).Exists())
            options.DefaultTaxCodes = defaults.DefaultTaxCodes;
        return options;
    }
}
