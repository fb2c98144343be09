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
/// </summary>
public sealed class DecimalTransform(CultureInfo culture, string? minorUnitsCurrencyPath, int impliedDecimals = 0) : ITextTransform
{
    /// <summary>The largest <c>impliedDecimals</c> accepted.</summary>
    public const int MaxImpliedDecimals = 10;

    /// <summary>The culture numbers are written in.</summary>
    public CultureInfo Culture { get; } = culture;

    /// <summary>Parses <paramref name="text"/>; false when it is not a number in <paramref name="culture"/>.</summary>
    public static bool TryParse(string text, CultureInfo culture, out decimal value)
    {
        var s = text.Trim().Replace('\u00A0', ' ').Replace('\u202F', ' ');
        var negate = false;
        if (s.EndsWith("CR", StringComparison.OrdinalIgnoreCase))
            (s, negate) = (s[..^2].TrimEnd(), true);
        else if (s.EndsWith("DR", StringComparison.OrdinalIgnoreCase))
            s = s[..^2].TrimEnd();
        var group = culture.NumberFormat.NumberGroupSeparator;
        if (group.Trim().Length == 0)
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

    /// <inheritdoc />
    public string Apply(string text, TransformContext context)
    {
        if (!TryParse(text, Culture, out var value))
            throw context.Fail(text, $"is not a decimal (culture {(Culture.Name.Length == 0 ? "invariant" : Culture.Name)})");
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
