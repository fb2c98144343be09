using System.Globalization;
using System.Text;

namespace StreamFinance.Domain.MasterData.Suppliers;

/// <summary>
/// Normalises a VAT or tax registration number for comparison: upper case, with blanks, dashes and dots removed;
/// the country prefix is kept (<c>de 811-234.567</c> -> <c>DE811234567</c>). Normalising twice gives the same result.
/// </summary>
public static class TaxIdNormalizer
{
    /// <summary>The normalised tax id; empty for a null or blank one.</summary>
    public static string Normalize(string? taxId)
    {
        if (string.IsNullOrWhiteSpace(taxId))
            return "";
        var builder = new StringBuilder(taxId.Length);
        foreach (var c in taxId.ToUpperInvariant())
        {
            if (char.IsWhiteSpace(c) || c == '.' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation)
                continue;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
