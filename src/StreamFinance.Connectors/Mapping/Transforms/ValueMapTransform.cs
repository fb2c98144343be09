namespace StreamFinance.Connectors.Mapping.Transforms;

/// <summary>
/// <c>map</c>: replaces a source value by its entry in <c>values</c> (matched ignoring case, after trimming), e.g. a
/// vendor's expense type to a category or a GL account. A value not in the map becomes <c>otherwise</c> when given,
/// else the value itself when <c>keepUnmapped</c> is true, else the record fails with MAPPING_FAILED naming the value.
/// </summary>
public sealed class ValueMapTransform(IReadOnlyDictionary<string, string> values, string? otherwise, bool keepUnmapped = false) : ITextTransform
{
    private readonly Dictionary<string, string> map = new(values.Select(kv => KeyValuePair.Create(kv.Key.Trim(), kv.Value)), StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string Apply(string text, TransformContext context)
    {
        if (map.TryGetValue(text.Trim(), out var mapped))
            return mapped;
        if (keepUnmapped)
            return text;
        return otherwise ?? throw context.Fail(text, $"is not in the value map (known: {string.Join(", ", map.Keys)})");
    }
}
