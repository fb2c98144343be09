using StreamFinance.Connectors.Sources;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Mapping.Transforms;

/// <summary>What a transform may need besides the text: the record (for transforms that read a second value) and how to report failure.</summary>
/// <param name="Document">The record (or array item) being mapped.</param>
/// <param name="Field">The target field, e.g. <c>amount.amount</c>, for messages.</param>
/// <param name="SourcePath">Where the value came from, for messages.</param>
public sealed record TransformContext(ISourceDocument Document, string Field, string SourcePath)
{
    /// <summary>Reports a value that cannot be mapped: the message names the field, the path and the value.</summary>
    public Exception Fail(string value, string problem) =>
        new MappingValueException(Contracts.Outputs.ReasonCode.MappingFailed, Field, $"{Field}: '{value}' at {SourcePath} {problem}");
}
