namespace StreamFinance.Connectors.Mapping.Transforms;

/// <summary><c>lower</c>: lower case, invariant culture.</summary>
public sealed class LowerTransform : ITextTransform
{
    /// <inheritdoc />
    public string Apply(string text, TransformContext context) => text.ToLowerInvariant();
}
