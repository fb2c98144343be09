using System.Globalization;
using StreamFinance.Domain.Money;

namespace StreamFinance.Connectors.Mapping.Transforms;

/// <summary>
/// <c>decimal</c>: reads a number written the way the source writes it and gives it in invariant form
/// (<c>-1234.50</c>), keeping every digit (never rounds). Understands the <c>culture</c>'s decimal and group separators
/// (default invariant: <c>.</c> and <c>,</c>), a leading or trailing minus (<c>-12.50</c>, <c>12.50-</c> as SAP writes it),
/// parentheses for negatives (<c>(12.50)</c>), and a <c>CR</c> (credit, negative) or <c>DR</c> (debit, positive) suffix.
/// With <c>minorUnitsCurrency</c> (a source path to a currency code) the number is in minor units (cents) and is divided
/// by 10^(minor units of that currency, after the built-in currency aliases), e.g. 1234 USD cents = 12.34, 1234 JPY = 1234.
/// With <c>impliedDecimals: n</c> (default 0) the number has <c>n</c> implied decimals whatever the currency and is divided
/// by 10^n, as X12 writes TDS01 (<c>46900</c> = 469.00; <c>14550000</c> JPY = 145500.00).
/// Group separators must group: every group after the first has the culture's group size (3 in most cultures; 3 then 2
/// in hi-IN) and the first has 1 to that many digits, so <c>1,1829.10</c> is refused rather than read as 11829.10,
/// while <c>11,829.10</c> and <c>1,234,567.89</c> are read (de-DE: <c>1.234,56</c>).
/// </summary>
public sealed class DecimalTransform(CultureInfo culture, string? minorUnitsCurrencyPath, int impliedDecimals = 0) : ITextTransform
{
    /// <summary>The largest <c>impliedDecimals</c> accepted.</summary>
    public const int MaxImpliedDecimals = 10;

    /// <summary>The culture numbers are written in.</summary>
    public CultureInfo Culture { get; } = culture;

    /// <summary>Parses <paramref name="text"/>; false when it is not a number in <paramref name="culture"/>.</summary>
    public static bool TryParse(string text, CultureInfo culture, out decimal value) => TryParse(text, culture, out value, out _);

    /// <summary>Parses <paramref name="text"/>; false when it is not a number in <paramref name="culture"/>, with <paramref name="misgrouped"/> set when only its digit grouping is wrong.</summary>
    private static bool TryParse(string text, CultureInfo culture, out decimal value, out bool misgrouped)
    {
        misgrouped = false;
        var s = text.Trim().Replace('\u00A0', ' ').Replace('\u202F', ' ');
        var negate = false;
        if (s.EndsWith("CR", StringComparison.OrdinalIgnoreCase))
            (s, negate) = (s[..^2].TrimEnd(), true);
        else if (s.EndsWith("DR", StringComparison.OrdinalIgnoreCase))
            s = s[..^2].TrimEnd();
        var format = culture.NumberFormat;
        var group = format.NumberGroupSeparator.Trim().Length == 0 ? " " : format.NumberGroupSeparator;
        if (!Grouped(s, group, format.NumberDecimalSeparator, format.NumberGroupSizes))
        {
            (value, misgrouped) = (0, true);
            return false;
        }
        if (group == " ")
            s = s.Replace(" ", string.Empty);
        const NumberStyles styles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign |
            NumberStyles.AllowTrailingSign | NumberStyles.AllowParentheses | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands;
        if (s.Length == 0 || !decimal.TryParse(s, styles, culture, out value))
        {
            value = 0;
            return false;
        }
        if (negate)
            value = -value;
        return true;
    }

    /// <summary>Whether the group separators in the integer part of <paramref name="s"/> (if any) sit where <paramref name="sizes"/> put them.</summary>
    private static bool Grouped(string s, string group, string decimalSeparator, int[] sizes)
    {
        var point = s.IndexOf(decimalSeparator, StringComparison.Ordinal);
        var integer = point < 0 ? s : s[..point];
        var digits = integer.Trim('+', '-', '(', ')', ' ');
        if (!digits.Contains(group, StringComparison.Ordinal))
            return true;
        var groups = digits.Split(group);
        if (groups.Any(g => !g.All(char.IsAsciiDigit)))
            return true; // not a grouping question: the number itself is malformed
        for (var i = groups.Length - 1; i >= 0; i--)
        {
            var fromRight = groups.Length - 1 - i;
            var size = sizes.Length == 0 ? 3 : sizes[Math.Min(fromRight, sizes.Length - 1)];
            var length = groups[i].Length;
            if (length == 0 || (i == 0 ? length > size : length != size))
                return false;
        }
        return true;
    }

    /// <inheritdoc />
    public string Apply(string text, TransformContext context)
    {
        var cultureName = Culture.Name.Length == 0 ? "invariant" : Culture.Name;
        if (!TryParse(text, Culture, out var value, out var misgrouped))
            throw misgrouped
                ? context.Fail(text, $"has digit group separators that do not group by the culture's group size (culture {cultureName}, e.g. {1234567.89m.ToString("N2", Culture)}); the amount is ambiguous, so it is not read")
                : context.Fail(text, $"is not a decimal (culture {cultureName})");
        if (minorUnitsCurrencyPath is not null)
        {
            var raw = context.Document.Value(minorUnitsCurrencyPath);
            if (!CurrencyTransform.TryNormalize(raw, out var currency))
                throw context.Fail(text, $"is in minor units of the currency at {minorUnitsCurrencyPath}, which is '{raw}', not a known ISO 4217 code");
            for (var i = 0; i < CurrencyMinorUnits.Of(currency); i++)
                value /= 10m;
        }
        for (var i = 0; i < impliedDecimals; i++)
            value *= 0.1m; // keeps the implied scale: 46900 gives 469.00, not 469

        return value.ToString(CultureInfo.InvariantCulture);
    }
}
