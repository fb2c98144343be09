using System.Globalization;
using System.Text.Json;
using StreamFinance.Connectors.Mapping.Binding;
using StreamFinance.Connectors.Sources;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Mapping.Outbound;

/// <summary>
/// One node of an outbound profile's <c>body</c>: a JSON object of named nodes, an array with one element per item
/// of the canonical record (<c>each</c>), or a value (<c>path</c>, <c>const</c>, <c>template</c>, <c>transform</c>... as
/// in inbound profiles) written as a JSON string, number, integer or boolean (<c>as</c>), optionally only
/// <c>when</c> a path of the record holds a given value. An absent optional value is left out of the JSON.
/// </summary>
internal abstract class OutboundNode
{
    /// <summary>Writes the node for <paramref name="document"/>; false (nothing written) when it is an absent value.</summary>
    /// <exception cref="MappingValueException">A required value is missing or does not fit its JSON type.</exception>
    public abstract bool Write(Utf8JsonWriter writer, ISourceDocument document, string? name);
}

/// <summary>A JSON object: its members in profile order, absent values left out; a nested object left with no member is left out too (a reference to nothing).</summary>
internal sealed class OutboundObject(IReadOnlyList<(string Name, OutboundNode Node)> members) : OutboundNode
{
    public override bool Write(Utf8JsonWriter writer, ISourceDocument document, string? name)
    {
        using var buffer = new MemoryStream();
        var written = 0;
        using (var inner = new Utf8JsonWriter(buffer))
        {
            inner.WriteStartObject();
            foreach (var (member, node) in members)
                written += node.Write(inner, document, member) ? 1 : 0;
            inner.WriteEndObject();
        }
        if (written == 0 && name is not null)
            return false;
        if (name is not null)
            writer.WritePropertyName(name);
        writer.WriteRawValue(buffer.ToArray(), skipInputValidation: true);
        return true;
    }
}

/// <summary>A JSON array: <see cref="Element"/> once per item at <see cref="ItemsPath"/>; <c>^</c> paths read the enclosing record.</summary>
internal sealed class OutboundArray(string itemsPath, OutboundNode element) : OutboundNode
{
    public string ItemsPath { get; } = itemsPath;

    public OutboundNode Element { get; } = element;

    public override bool Write(Utf8JsonWriter writer, ISourceDocument document, string? name)
    {
        if (name is not null)
            writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var item in document.Items(ItemsPath))
            Element.Write(writer, new ItemDocument(item, document), null);
        writer.WriteEndArray();
        return true;
    }
}

/// <summary>A value: <see cref="ValueSpec"/> read from the record, written as <see cref="As"/>.</summary>
internal sealed class OutboundValue(ValueSpec spec, OutboundJsonType @as, bool required, string field, OutboundCondition? when) : OutboundNode
{
    public OutboundJsonType As { get; } = @as;

    public override bool Write(Utf8JsonWriter writer, ISourceDocument document, string? name)
    {
        if (when is not null && !when.Holds(document))
            return false;
        var text = spec.Evaluate(document, field);
        if (text is null)
        {
            if (required)
                throw new MappingValueException(ReasonCode.MappingFailed, field, $"{field}: required value missing at {spec.Describe()} in the canonical record (no default in the profile)");
            return false;
        }
        if (name is not null)
            writer.WritePropertyName(name);
        switch (As)
        {
            case OutboundJsonType.Number when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number):
                writer.WriteNumberValue(number);
                break;
            case OutboundJsonType.Integer when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer):
                writer.WriteNumberValue(integer);
                break;
            case OutboundJsonType.Boolean when bool.TryParse(text, out var flag):
                writer.WriteBooleanValue(flag);
                break;
            case OutboundJsonType.String:
                writer.WriteStringValue(text);
                break;
            default:
                throw new MappingValueException(ReasonCode.MappingFailed, field, $"{field}: '{text}' at {spec.Describe()} is not a JSON {As.ToString().ToLowerInvariant()}");
        }
        return true;
    }
}

/// <summary><c>when: { path: $.side, equals: DEBIT }</c>: the value is written only when the record holds that text there.</summary>
internal sealed record OutboundCondition(string Path, string EqualsText)
{
    public bool Holds(ISourceDocument document) => string.Equals(document.Value(Path), EqualsText, StringComparison.Ordinal);
}

/// <summary>How an outbound value is written into the ERP's JSON (<c>as:</c>).</summary>
internal enum OutboundJsonType
{
    /// <summary>A JSON string (default).</summary>
    String,

    /// <summary>A JSON number, exact from the decimal text (amounts are never doubles).</summary>
    Number,

    /// <summary>A JSON integer.</summary>
    Integer,

    /// <summary>A JSON boolean.</summary>
    Boolean,
}
