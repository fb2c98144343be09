namespace StreamFinance.Connectors.Mapping.Transforms;

/// <summary><c>trim</c>: removes leading and trailing white space.</summary>
public sealed class TrimTransform : ITextTransform
{
    /// <inheritdoc />
    public string Apply(string text, TransformContext context) => text.Trim();
}
