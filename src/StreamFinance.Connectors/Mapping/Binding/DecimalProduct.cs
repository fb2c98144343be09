using System.Globalization;
using StreamFinance.Connectors.Mapping.Transforms;
using StreamFinance.Connectors.Sources;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>
/// A value computed from source numbers: <c>product: [a, b]</c> multiplies the invariant decimals at the paths, exactly
/// (e.g. quantity times unit price when the source sends no line amount, as X12 PO1 and IT1 do not); with
/// <c>sum: { items: PO1, product: [PO102, PO104] }</c> the products of every item are added up. The result keeps every
/// digit; the target field's decimal scale then decides whether it fits.
/// </summary>
internal sealed class DecimalProduct(IReadOnlyList<string> factors, string? sumItems)
{
    public string Describe() => (sumItems is null ? "product " : $"sum over {sumItems} of product ") + string.Join(" * ", factors);

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
                if (Multiply(item, field) is not { } product)
                    return null;
                total += product;
            }
            return total.ToString(CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            throw new MappingValueException(ReasonCode.MappingFailed, field, $"{field}: {Describe()} is too large for a decimal");
        }
    }

    private decimal? Multiply(ISourceDocument document, string field)
    {
        var result = 1m;
        foreach (var path in factors)
        {
            var text = document.Value(path);
            if (text is null)
                return null;
            if (!DecimalTransform.TryParse(text, CultureInfo.InvariantCulture, out var factor))
                throw new MappingValueException(ReasonCode.MappingFailed, field, $"{field}: '{text}' at {path} is not a decimal (culture invariant), so {Describe()} cannot be computed");
            result *= factor;
        }
        return result;
    }
}
