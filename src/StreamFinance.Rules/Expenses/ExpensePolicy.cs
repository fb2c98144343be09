using System.Globalization;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Expenses;
using StreamFinance.Domain.Money;
using StreamFinance.Rules.Checks;

namespace StreamFinance.Rules.Expenses;

/// <summary>
/// The pure expense-policy rules: GL account by category, the receipt threshold and per-category limits, both on the
/// amount in the legal entity's functional currency, default tax codes, and rounding to a currency's minor unit. The
/// reference tables come from master data when <see cref="ExpenseRules"/> passes the version in force on the
/// transaction date (an <see cref="ExpenseCategory"/>, the booking <see cref="LegalEntity"/>'s <c>defaultTaxCodeId</c>
/// and <c>receiptThreshold</c>), and from <see cref="ExpenseOptions"/> otherwise: master data wins over settings. No
/// look-ups and no Kafka: <see cref="ExpenseRules"/> reads the master data and supplies the converted amount.
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
    /// The GL account of a line: its own <paramref name="overrideAccount"/> when given, else the account of the
    /// <paramref name="inForce"/> expense category (master data in force on the transaction date), else the settings'
    /// (<see cref="ExpenseOptions.CategoryGlAccounts"/>); an UNMAPPED_CATEGORY violation on <paramref name="field"/> when none exists.
    /// </summary>
    public string? GlAccount(string category, string? overrideAccount, string field, List<Violation> violations, ExpenseCategory? inForce = null)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (!string.IsNullOrWhiteSpace(overrideAccount))
            return overrideAccount;
        if (inForce is not null && !string.IsNullOrWhiteSpace(inForce.glAccountId))
            return inForce.glAccountId;
        if (options.CategoryGlAccounts.TryGetValue(category, out var account))
            return account;
        violations.Add(new Violation(ReasonCode.UnmappedCategory, field, category,
            $"category {category} has no GL account in the expense policy (expense category master data or {ExpenseOptions.Section}:{nameof(ExpenseOptions.CategoryGlAccounts)}) and the line names none"));
        return null;
    }

    /// <summary>
    /// The limit of <paramref name="category"/> in <paramref name="currency"/>; null when there is none. The
    /// <paramref name="inForce"/> expense category, when there is one, is the whole table for its category: a currency
    /// it does not list has no limit, whatever the settings say. Without it, <see cref="ExpenseOptions.CategoryLimits"/>.
    /// </summary>
    public decimal? LimitOf(string category, string currency, ExpenseCategory? inForce = null)
    {
        if (inForce is not null)
            return inForce.limits?.FirstOrDefault(l => string.Equals(l.currency, currency, StringComparison.Ordinal)) is { } limit ? limit.ToDecimal() : null;
        return options.CategoryLimits.TryGetValue(category, out var limits) && limits is not null && limits.TryGetValue(currency, out var configured) ? configured : null;
    }

    /// <summary>
    /// The receipt threshold in <paramref name="functionalCurrency"/>: the <paramref name="entity"/>'s own (master data in
    /// force on the transaction date) when it has one in that currency, else <see cref="ExpenseOptions.ReceiptThresholds"/>;
    /// null when neither has one (no receipt is required).
    /// </summary>
    public decimal? ReceiptThresholdOf(string functionalCurrency, LegalEntity? entity = null)
    {
        if (entity?.receiptThreshold is { } own && string.Equals(own.currency, functionalCurrency, StringComparison.Ordinal))
            return own.ToDecimal();
        return options.ReceiptThresholds.TryGetValue(functionalCurrency, out var threshold) ? threshold : null;
    }

    /// <summary>
    /// The receipt rule on <paramref name="functionalAmount"/> (in <paramref name="functionalCurrency"/>): MISSING_RECEIPT
    /// on <paramref name="field"/> when it is above the receipt threshold (<see cref="ReceiptThresholdOf"/>) and no receipt is attached.
    /// </summary>
    public void CheckReceipt(decimal functionalAmount, string functionalCurrency, bool receiptAttached, string field, List<Violation> violations, LegalEntity? entity = null)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (!receiptAttached && ReceiptThresholdOf(functionalCurrency, entity) is { } threshold && functionalAmount > threshold)
            violations.Add(new Violation(ReasonCode.MissingReceipt, field, "false",
                $"receiptAttached is false but amount {Text(functionalAmount, functionalCurrency)} is above the receipt threshold of {Text(threshold, functionalCurrency)}"));
    }

    /// <summary>
    /// The limit rule on <paramref name="functionalAmount"/> (in <paramref name="functionalCurrency"/>):
    /// POLICY_LIMIT_EXCEEDED on <paramref name="field"/> when it is above the limit of <paramref name="category"/> (<see cref="LimitOf"/>).
    /// </summary>
    public void CheckLimit(string category, decimal functionalAmount, string functionalCurrency, string field, List<Violation> violations, ExpenseCategory? inForce = null)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (LimitOf(category, functionalCurrency, inForce) is { } limit && functionalAmount > limit)
            violations.Add(new Violation(ReasonCode.PolicyLimitExceeded, field, Text(functionalAmount, functionalCurrency),
                $"amount {Text(functionalAmount, functionalCurrency)} of category {category} is above its limit of {Text(limit, functionalCurrency)}"));
    }

    /// <summary>
    /// The tax code applied to a line of <paramref name="legalEntityId"/> that names none: the <paramref name="entity"/>'s
    /// own default (master data in force on the transaction date) when it has one, else <see cref="ExpenseOptions.DefaultTaxCodes"/>;
    /// null when neither has one.
    /// </summary>
    public string? DefaultTaxCode(string legalEntityId, LegalEntity? entity = null) =>
        entity?.defaultTaxCodeId is { } own && !string.IsNullOrWhiteSpace(own) ? own : options.DefaultTaxCodes.GetValueOrDefault(legalEntityId);

    /// <summary><paramref name="amount"/> rounded to the minor unit of <paramref name="currency"/> with <see cref="ExpenseOptions.Rounding"/>.</summary>
    public decimal Round(decimal amount, string currency) => CurrencyMinorUnits.Round(amount, currency, options.Rounding);

    private static string Text(decimal amount, string currency) =>
        (CurrencyMinorUnits.IsKnown(currency) ? amount.ToString("F" + CurrencyMinorUnits.Of(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : amount.ToString(CultureInfo.InvariantCulture))
        + " " + currency;
}
