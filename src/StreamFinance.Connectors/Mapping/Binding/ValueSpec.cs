using StreamFinance.Connectors.Mapping.Transforms;
using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>
/// Where one text value comes from: a source <c>path</c>, a <c>template</c> of paths (<c>{$.a}/{$.b}</c>), or a
/// <c>const</c>, or a <c>product</c>/<c>sum</c> of source numbers (<see cref="DecimalProduct"/>); then the <c>transform</c> steps in order. <c>default</c> is used, untransformed, when the source value is
/// absent or a transform makes it empty (e.g. a value map sending SAP's 99991231 to "" for open-ended).
/// </summary>
internal sealed class ValueSpec
{
    public string? Path { get; init; }

    public string? Const { get; init; }

    public IReadOnlyList<(string Text, bool IsPath)>? Template { get; init; }

    public DecimalProduct? Computed { get; init; }

    public string? Default { get; init; }

    public bool Required { get; init; }

    public IReadOnlyList<ITextTransform> Transforms { get; init; } = [];

    public string Describe() => Path ?? (Const is not null ? "const" : Template is not null ? "template " + string.Concat(Template.Select(t => t.IsPath ? "{" + t.Text + "}" : t.Text)) : Computed?.Describe() ?? "default");

    /// <summary>The value's text, or null when absent (and no default).</summary>
    public string? Evaluate(ISourceDocument document, string field)
    {
        if (Const is not null)
            return Const;
        var raw = Path is not null ? document.Value(Path) : Template is not null ? Fill(document) : Computed?.Evaluate(document, field);
        if (raw is null)
            return Default;
        var context = new TransformContext(document, field, Describe());
        foreach (var transform in Transforms)
        {
            if (raw.Length == 0)
                break;
            raw = transform.Apply(raw, context);
        }
        return raw.Length == 0 ? Default : raw;
    }

    private string? Fill(ISourceDocument document)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (part, isPath) in Template!)
        {
            if (!isPath)
            {
                text.Append(part);
                continue;
            }
            var value = document.Value(part);
            if (value is null)
                return null;
            text.Append(value);
        }
        return text.ToString();
    }
}
