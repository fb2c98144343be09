using System.Globalization;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Expenses;
using StreamFinance.Domain.Money;
using StreamFinance.Rules.Checks;

namespace StreamFinance.Rules.Expenses;

/// <summary>
/// The pure expense-policy rules over <see cref="ExpenseOptions"/>: GL account by category, the receipt threshold and
/// per-category limits, both on the amount in the legal entity's functional currency, default tax codes, and rounding
/// to a currency's minor unit. No master data and no Kafka: <see cref="ExpenseRules"/> supplies the converted amount.
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
    /// The GL account of a line: its own <paramref name="overrideAccount"/> when given, else the category's; an
    /// UNMAPPED_CATEGORY violation on <paramref name="field"/> when neither exists.
    /// </summary>
    public string? GlAccount(string category, string? overrideAccount, string field, List<Violation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (!string.IsNullOrWhiteSpace(overrideAccount))
            return overrideAccount;
        if (options.CategoryGlAccounts.TryGetValue(category, out var account))
            return account;
        violations.Add(new Violation(ReasonCode.UnmappedCategory, field, category,
            $"category {category} has no GL account in the expense policy ({ExpenseOptions.Section}:{nameof(ExpenseOptions.CategoryGlAccounts)}) and the line names none"));
        return null;
    }

    /// <summary>The limit of <paramref name="category"/> in <paramref name="currency"/>; null when there is none.</summary>
    public decimal? LimitOf(string category, string currency) =>
        options.CategoryLimits.TryGetValue(category, out var limits) && limits is not null && limits.TryGetValue(currency, out var limit) ? limit : null;

    /// <summary>
    /// The receipt rule on <paramref name="functionalAmount"/> (in <paramref name="functionalCurrency"/>): MISSING_RECEIPT
    /// on <paramref name="field"/> when it is above the currency's receipt threshold and no receipt is attached.
    /// </summary>
    public void CheckReceipt(decimal functionalAmount, string functionalCurrency, bool receiptAttached, string field, List<Violation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (!receiptAttached && options.ReceiptThresholds.TryGetValue(functionalCurrency, out var threshold) && functionalAmount > threshold)
            violations.Add(new Violation(ReasonCode.MissingReceipt, field, "false",
                $"receiptAttached is false but amount {Text(functionalAmount, functionalCurrency)} is above the receipt threshold of {Text(threshold, functionalCurrency)}"));
    }

    /// <summary>
    /// The limit rule on <paramref name="functionalAmount"/> (in <paramref name="functionalCurrency"/>):
    /// POLICY_LIMIT_EXCEEDED on <paramref name="field"/> when it is above the limit of <paramref name="category"/>.
    /// </summary>
    public void CheckLimit(string category, decimal functionalAmount, string functionalCurrency, string field, List<Violation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (LimitOf(category, functionalCurrency) is { } limit && functionalAmount > limit)
            violations.Add(new Violation(ReasonCode.PolicyLimitExceeded, field, Text(functionalAmount, functionalCurrency),
                $"amount {Text(functionalAmount, functionalCurrency)} of category {category} is above its limit of {Text(limit, functionalCurrency)}"));
    }

    /// <summary>The tax code applied to a line of <paramref name="legalEntityId"/> that names none; null when the policy has none.</summary>
    public string? DefaultTaxCode(string legalEntityId) => options.DefaultTaxCodes.GetValueOrDefault(legalEntityId);

    /// <summary><paramref name="amount"/> rounded to the minor unit of <paramref name="currency"/> with <see cref="ExpenseOptions.Rounding"/>.</summary>
    public decimal Round(decimal amount, string currency) => CurrencyMinorUnits.Round(amount, currency, options.Rounding);

    private static string Text(decimal amount, string currency) =>
        (CurrencyMinorUnits.IsKnown(currency) ? amount.ToString("F" + CurrencyMinorUnits.Of(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : amount.ToString(CultureInfo.InvariantCulture))
        + " " + currency;
}
