namespace StreamFinance.Connectors.Mapping.Transforms;

/// <summary><c>trim</c>: removes leading and trailing white space.</summary>
public sealed class TrimTransform : ITextTransform
{
    /// <inheritdoc />
    public string Apply(string text, TransformContext context) => text.Trim();
}

/// <summary><c>upper</c>: upper case, invariant culture.</summary>
public sealed class UpperTransform : ITextTransform
{
    /// <inheritdoc />
    public string Apply(string text, TransformContext context) => text.ToUpperInvariant();
}

/// <summary><c>lower</c>: lower case, invariant culture.</summary>
public sealed class LowerTransform : ITextTransform
{
    /// <inheritdoc />
    public string Apply(string text, TransformContext context) => text.ToLowerInvariant();
}
