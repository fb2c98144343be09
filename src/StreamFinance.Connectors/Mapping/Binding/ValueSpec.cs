using System.Text;
using System.Text.RegularExpressions;
using StreamFinance.Connectors.Mapping.Transforms;
using StreamFinance.Connectors.Sources;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>
/// Where one text value comes from: a source <c>path</c> or a fallback list of paths (the first present one), a
/// <c>template</c> of paths (<c>{$.a}/{$.b}</c>, <c>{?$.c}</c> optional), a <c>const</c>, or a <c>product</c>/<c>sum</c>
/// of source numbers (<see cref="DecimalProduct"/>), or <c>present</c>: whether the source has a value at a path
/// (<c>true</c>/<c>false</c>, a non-empty array counting as a value); then the <c>transform</c> steps in order. <c>default</c> (a
/// constant, used untransformed, or a value of its own such as another path) is used when the source value is absent
/// or a transform makes it empty (e.g. a value map sending SAP's 99991231 to "" for open-ended). <c>match</c> is a
/// regular expression the final value must match whole.
/// <para>
/// Paths are read typed (<see cref="SourceTypes"/>): a value of the wrong source type is SCHEMA_INVALID before any
/// transform, whatever the field.
/// </para>
/// </summary>
internal sealed class ValueSpec
{
    public IReadOnlyList<string>? Paths { get; init; }

    public string? Const { get; init; }

    public IReadOnlyList<TemplatePart>? Template { get; init; }

    public DecimalProduct? Computed { get; init; }

    /// <summary>
    /// <c>present: path</c> (or a list of paths): the text <c>true</c> when any of the paths holds a value (a string, a
    /// number, a boolean, an object or a non-empty array), else <c>false</c> (absent, null, an empty string or an empty
    /// array). For facts a vendor gives as a list, such as receipts attached to a card transaction.
    /// </summary>
    public IReadOnlyList<string>? Presence { get; init; }

    public ValueSpec? Default { get; init; }

    public bool Required { get; init; }

    public IReadOnlyList<ITextTransform> Transforms { get; init; } = [];

    public Regex? Match { get; init; }

    /// <summary>The source types the paths may hold, and the target type they are read for.</summary>
    public SourceTypes Types { get; init; } = SourceTypes.Any;

    /// <summary>Whether the value is a constant (or falls back to one), so it is never missing.</summary>
    public bool AlwaysPresent => Const is not null || Presence is not null || Default?.AlwaysPresent == true;

    public string Describe() => Paths is not null ? string.Join(" | ", Paths)
        : Const is not null ? "const"
        : Template is not null ? "template " + string.Concat(Template)
        : Presence is not null ? "present " + string.Join(" | ", Presence)
        : Computed?.Describe() ?? "default";

    /// <summary>The value's text, or null when absent (and no default).</summary>
    /// <exception cref="MappingValueException">A value has the wrong source type, a transform refuses it, or it does not match.</exception>
    public string? Evaluate(ISourceDocument document, string field)
    {
        var value = Const ?? Transformed(document, field) ?? Default?.Evaluate(document, field);
        if (value is not null && Match is not null && Const is null && !Matches(value))
            throw new MappingValueException(ReasonCode.MappingFailed, field, $"{field}: '{value}' at {Describe()} does not match the profile's pattern /{Match}/");
        return value;
    }

    /// <summary>Whether the source has a value for this spec or its default (constants do not count).</summary>
    public bool Present(ISourceDocument document) =>
        Paths is not null ? Paths.Any(p => document.Value(p) is not null)
        : Presence is not null ? Presence.Any(p => document.Read(p).Kind != SourceValueKind.Absent)
        : Template is not null || Computed is not null ? Raw(document, string.Empty) is not null
        : Default?.Present(document) == true;

    /// <summary>The first path that holds an explicit null (JSON <c>null</c>), when no path holds a value; null otherwise.</summary>
    public string? NullAt(ISourceDocument document) =>
        Paths?.FirstOrDefault(p => document.Read(p).Kind == SourceValueKind.Null) ?? Default?.NullAt(document);

    /// <summary>
    /// Why a value required here (a non-nullable target field, <c>required: true</c>, sourceId, key, eventTime) is
    /// missing: SCHEMA_INVALID when the source says null explicitly (the vendor's schema promised a value), else
    /// MAPPING_FAILED (absent: the profile's path or the record is wrong).
    /// </summary>
    public MappingValueException Missing(ISourceDocument document, string field) => NullAt(document) is { } at
        ? new MappingValueException(ReasonCode.SchemaInvalid, field, $"{field}: null at {at}, but the target field requires a value; the payload breaks the vendor's schema, so the sender must correct it")
        : new MappingValueException(ReasonCode.MappingFailed, field, $"{field}: required value missing at {Describe()} (no default in the profile)");

    private string? Transformed(ISourceDocument document, string field)
    {
        var raw = Raw(document, field);
        if (raw is null)
            return null;
        var context = new TransformContext(document, field, Describe());
        foreach (var transform in Transforms)
        {
            if (raw.Length == 0)
                break;
            raw = transform.Apply(raw, context);
        }
        return raw.Length == 0 ? null : raw;
    }

    private string? Raw(ISourceDocument document, string field)
    {
        if (Paths is not null)
        {
            foreach (var path in Paths)
            {
                var value = document.Read(path);
                if (value.Text is null)
                    continue;
                Types.Check(value, field, path);
                return value.Text;
            }
            return null;
        }
        if (Presence is not null)
            return Presence.Any(p => HasValue(document, p)) ? "true" : "false";
        return Template is not null ? Fill(document) : Computed?.Evaluate(document, field);
    }

    private static bool HasValue(ISourceDocument document, string path) => document.Read(path).Kind switch
    {
        SourceValueKind.Absent or SourceValueKind.Null => false,
        SourceValueKind.Array => document.Items(path).Count > 0,
        _ => true,
    };

    private bool Matches(string value)
    {
        try
        {
            return Match!.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private string? Fill(ISourceDocument document)
    {
        var text = new StringBuilder();
        var any = false;
        foreach (var part in Template!)
        {
            if (!part.IsPath)
            {
                text.Append(part.Text);
                continue;
            }
            var value = document.Value(part.Text);
            if (value is null && !part.Optional)
                return null;
            any |= value is not null;
            text.Append(value);
        }
        return any || Template.All(p => !p.IsPath) ? text.ToString() : null;
    }
}
