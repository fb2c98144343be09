using System.Globalization;
using StreamFinance.Connectors.Mapping.Transforms;
using StreamFinance.Connectors.Sources;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>
/// A value computed from source numbers: <c>product: [a, b]</c> multiplies the invariant decimals at the paths, exactly
/// (e.g. quantity times unit price when the source sends no line amount, as X12 PO1 and IT1 do not); with
/// <c>sum: { items: PO1, product: [PO102, PO104] }</c> the products of every item are added up. With
/// <c>sum: { items: $.lines, amount: $.total, product: [$.qty, $.price] }</c> each item adds its own amount (the first
/// present of a path or a list of paths) when it has one, else its product, so amount-only service lines and
/// quantity-times-price goods lines add up together; <c>amount</c> alone sums the amounts. The result keeps every
/// digit; the target field's decimal scale then decides whether it fits.
/// </summary>
internal sealed class DecimalProduct(IReadOnlyList<string> factors, string? sumItems, IReadOnlyList<string>? itemAmount = null)
{
    public string Describe() => sumItems is null ? "product " + string.Join(" * ", factors)
        : $"sum over {sumItems} of " + string.Join(" else ", new[]
        {
            itemAmount is null ? null : string.Join(" | ", itemAmount),
            factors.Count == 0 ? null : "product " + string.Join(" * ", factors),
        }.OfType<string>());

    /// <summary>The computed text, or null when a factor is absent (of the record, or of any summed item).</summary>
    /// <exception cref="MappingValueException">A factor is not an invariant decimal, or the result overflows.</exception>
    public string? Evaluate(ISourceDocument document, string field)
    {
        try
        {
            if (sumItems is null)
                return Multiply(document, field)?.ToString(CultureInfo.InvariantCulture);
            var total = 0m;
            foreach (var item in document.Items(sumItems))
            {
                if ((Amount(item, field) ?? Multiply(item, field)) is not { } value)
                    return null;
                total += value;
            }
            return total.ToString(CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            throw new MappingValueException(ReasonCode.MappingFailed, field, $"{field}: {Describe()} is too large for a decimal");
        }
    }

    private decimal? Amount(ISourceDocument item, string field)
    {
        foreach (var path in itemAmount ?? [])
            if (item.Value(path) is { } text)
                return Number(text, path, field);
        return null;
    }

    private decimal? Multiply(ISourceDocument document, string field)
    {
        if (factors.Count == 0)
            return null;
        var result = 1m;
        foreach (var path in factors)
        {
            var text = document.Value(path);
            if (text is null)
                return null;
            result *= Number(text, path, field);
        }
        return result;
    }

    private decimal Number(string text, string path, string field) =>
        DecimalTransform.TryParse(text, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new MappingValueException(ReasonCode.MappingFailed, field, $"{field}: '{text}' at {path} is not a decimal (culture invariant), so {Describe()} cannot be computed");
}
