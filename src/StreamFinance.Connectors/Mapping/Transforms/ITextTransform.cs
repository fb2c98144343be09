namespace StreamFinance.Connectors.Mapping.Transforms;

/// <summary>
/// One step of a profile field's <c>transform</c> list: text in, text out. A value it cannot handle is reported
/// through <see cref="TransformContext.Fail"/>, never by returning something made up.
/// </summary>
public interface ITextTransform
{
    /// <summary>Transforms <paramref name="text"/>.</summary>
    string Apply(string text, TransformContext context);
}
