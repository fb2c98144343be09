namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>
/// One part of a <c>template</c>: literal text, a path (<c>{$.a}</c>, the template is absent without it) or an optional
/// path (<c>{?$.b}</c>, empty when absent).
/// </summary>
/// <param name="Text">The literal text, or the path.</param>
/// <param name="IsPath">Whether <paramref name="Text"/> is a path.</param>
/// <param name="Optional">Whether the path may be absent.</param>
internal sealed record TemplatePart(string Text, bool IsPath, bool Optional = false)
{
    public override string ToString() => !IsPath ? Text : Optional ? "{?" + Text + "}" : "{" + Text + "}";
}
