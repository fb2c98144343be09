using System.Globalization;
using StreamFinance.Domain.Money;

using StreamFinance.Domain.Expenses;

namespace StreamFinance.Rules.Expenses;

/// <summary>
/// The pure expense-policy rules over <see cref="ExpenseOptions"/>: GL account by category, per-category limits and the
/// receipt threshold, both on the amount in the legal entity's functional currency, and rounding to a currency's minor
/// unit. No master data and no Kafka: the expense topology supplies the converted amount.
/// </summary>
public sealed class ExpensePolicy
{
    private readonly ExpenseOptions options;

    /// <summary>A policy over validated <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public ExpensePolicy(ExpenseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
            throw new ArgumentException("Invalid expense policy: " + string.Join(" ", problems), nameof(options));
        this.options = options;
    }

    /// <summary>The options it applies.</summary>
    public ExpenseOptions Options => options;

    /// <summary>
    /// The GL account of a line: its own <paramref name="overrideAccount"/> when given, else the category's; a
    /// <see cref="ExpenseRule.UnmappedCategory"/> violation when neither exists.
    /// </summary>
    public string? GlAccount(string category, string? overrideAccount, List<PolicyViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (!string.IsNullOrWhiteSpace(overrideAccount))
            return overrideAccount;
        if (options.CategoryGlAccounts.TryGetValue(category, out var account))
            return account;
        violations.Add(new PolicyViolation(ExpenseRule.UnmappedCategory, "category",
            $"category {category} has no GL account in the expense policy ({ExpenseOptions.Section}:{nameof(ExpenseOptions.CategoryGlAccounts)}) and the line names none"));
        return null;
    }

    /// <summary>The limit of <paramref name="category"/> in <paramref name="currency"/>; null when there is none.</summary>
    public decimal? LimitOf(string category, string currency) =>
        options.CategoryLimits.TryGetValue(category, out var limits) && limits is not null && limits.TryGetValue(currency, out var limit) ? limit : null;

    /// <summary>
    /// The limit and receipt rules on <paramref name="functionalAmount"/> (in <paramref name="functionalCurrency"/>):
    /// <see cref="ExpenseRule.PolicyLimitExceeded"/> when it is above the category's limit,
    /// <see cref="ExpenseRule.MissingReceipt"/> when it is above the receipt threshold without a receipt.
    /// </summary>
    public void Check(string category, decimal functionalAmount, string functionalCurrency, bool receiptAttached, List<PolicyViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (LimitOf(category, functionalCurrency) is { } limit && functionalAmount > limit)
            violations.Add(new PolicyViolation(ExpenseRule.PolicyLimitExceeded, "amount",
                $"amount {Text(functionalAmount, functionalCurrency)} of category {category} is above its limit of {Text(limit, functionalCurrency)}"));
        if (!receiptAttached && options.ReceiptThresholds.TryGetValue(functionalCurrency, out var threshold) && functionalAmount > threshold)
            violations.Add(new PolicyViolation(ExpenseRule.MissingReceipt, "receiptAttached",
                $"receiptAttached is false but amount {Text(functionalAmount, functionalCurrency)} is above the receipt threshold of {Text(threshold, functionalCurrency)}"));
    }

    /// <summary>The tax code applied to a line of <paramref name="legalEntityId"/> that names none; null when the policy has none.</summary>
    public string? DefaultTaxCode(string legalEntityId) => options.DefaultTaxCodes.GetValueOrDefault(legalEntityId);

    /// <summary><paramref name="amount"/> rounded to the minor unit of <paramref name="currency"/> with <see cref="ExpenseOptions.Rounding"/>.</summary>
    public decimal Round(decimal amount, string currency) => CurrencyMinorUnits.Round(amount, currency, options.Rounding);

    private static string Text(decimal amount, string currency) =>
        (CurrencyMinorUnits.IsKnown(currency) ? amount.ToString("F" + CurrencyMinorUnits.Of(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : amount.ToString(CultureInfo.InvariantCulture))
        + " " + currency;
}
