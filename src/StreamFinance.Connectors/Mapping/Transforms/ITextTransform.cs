using StreamFinance.Connectors.Sources;

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

/// <summary>What a transform may need besides the text: the record (for transforms that read a second value) and how to report failure.</summary>
/// <param name="Document">The record (or array item) being mapped.</param>
/// <param name="Field">The target field, e.g. <c>amount.amount</c>, for messages.</param>
/// <param name="SourcePath">Where the value came from, for messages.</param>
public sealed record TransformContext(ISourceDocument Document, string Field, string SourcePath)
{
    /// <summary>Reports a value that cannot be mapped: the message names the field, the path and the value.</summary>
    public Exception Fail(string value, string problem) =>
        new MappingValueException(Topologies.DeadLetters.ReasonCode.MappingFailed, Field, $"{Field}: '{value}' at {SourcePath} {problem}");
}
