namespace StreamFinance.Connectors.Mapping.Transforms;

/// <summary><c>upper</c>: upper case, invariant culture.</summary>
public sealed class UpperTransform : ITextTransform
{
    /// <inheritdoc />
    public string Apply(string text, TransformContext context) => text.ToUpperInvariant();
}
