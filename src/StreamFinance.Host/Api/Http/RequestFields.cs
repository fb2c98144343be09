using System.Globalization;
using StreamFinance.Contracts.Common;
using StreamFinance.Domain.Money;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>Checks and normalises the fields of requests; every problem goes to a <see cref="FieldErrors"/>.</summary>
public static class RequestFields
{
    /// <summary>Longest id accepted.</summary>
    public const int MaxIdLength = 128;

    /// <summary>Largest amount accepted: what Money (precision 19, scale 4) can hold.</summary>
    public const decimal MaxAmount = 999_999_999_999_999.9999m;

    /// <summary>Decimal places accepted in an amount (Money scale).</summary>
    public const int AmountDecimals = 4;

    /// <summary>What <see cref="Id"/> accepts, for the OpenAPI document.</summary>
    public const string IdRule = "Surrounding spaces are trimmed; at most 128 characters, no control characters.";

    /// <summary>What <see cref="Amount"/> accepts, for the OpenAPI document.</summary>
    public const string AmountRule =
        "Zero or more, at most 4 decimal places, at most 999999999999999.9999: a JSON number, or a string holding one (which keeps every digit).";

    /// <summary>What <see cref="Currency"/> accepts, for the OpenAPI document.</summary>
    public const string CurrencyRule = "ISO 4217 code of a known currency: three upper-case letters such as EUR.";

    /// <summary>A business id, trimmed; null (with a problem when <paramref name="required"/>) when absent or invalid.</summary>
    public static string? Id(string? value, string field, bool required, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
                errors.Add(field, value is null ? "is required" : "must not be blank");
            return null;
        }
        var id = value.Trim();
        if (id.Length > MaxIdLength)
            errors.Add(field, $"is longer than {MaxIdLength} characters");
        else if (id.Any(char.IsControl))
            errors.Add(field, "contains control characters");
        else
            return id;
        return null;
    }

    /// <summary>A date in <c>yyyy-MM-dd</c>; <paramref name="fallback"/> when absent (a problem when there is none).</summary>
    public static DateOnly? Date(string? value, string field, DateOnly? fallback, FieldErrors errors)
    {
        if (value is null)
        {
            if (fallback is null)
                errors.Add(field, "is required (yyyy-MM-dd)");
            return fallback;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors.Add(field, $"'{Shorten(value)}' is not a date in the form yyyy-MM-dd");
        return null;
    }

    /// <summary>An amount: required, zero or more, at most <see cref="AmountDecimals"/> decimal places, at most <see cref="MaxAmount"/>.</summary>
    public static decimal? Amount(decimal? value, string field, FieldErrors errors)
    {
        if (value is not { } amount)
            errors.Add(field, "is required");
        else if (amount < 0)
            errors.Add(field, "must not be negative");
        else if (amount > MaxAmount)
            errors.Add(field, $"must not exceed {MaxAmount.ToString(CultureInfo.InvariantCulture)}");
        else if (decimal.Round(amount, AmountDecimals) != amount)
            errors.Add(field, $"has more than {AmountDecimals} decimal places");
        else
            return amount;
        return null;
    }

    /// <summary>An ISO 4217 code: three upper-case letters, a known currency.</summary>
    public static string? Currency(string? value, string field, FieldErrors errors)
    {
        if (value is null)
            errors.Add(field, "is required (ISO 4217, e.g. EUR)");
        else if (!CurrencyCodes.IsValid(value))
            errors.Add(field, $"'{Shorten(value)}' is not an ISO 4217 code: use three upper-case letters such as EUR");
        else if (!CurrencyMinorUnits.IsKnown(value))
            errors.Add(field, $"'{value}' is not a known ISO 4217 currency");
        else
            return value;
        return null;
    }

    /// <summary>A currency code in a path: only the form is checked (rates may exist for any currency).</summary>
    public static string? CurrencyForm(string value, string field, FieldErrors errors)
    {
        if (CurrencyCodes.IsValid(value))
            return value;
        errors.Add(field, $"'{Shorten(value)}' is not an ISO 4217 code: use three upper-case letters such as EUR");
        return null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
