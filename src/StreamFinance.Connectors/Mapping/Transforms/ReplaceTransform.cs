using System.Text.RegularExpressions;

namespace StreamFinance.Connectors.Mapping.Transforms;

/// <summary>
/// <c>replace</c>: replaces every match of the regular expression <c>pattern</c> by <c>with</c> (default empty;
/// <c>$1</c> refers to groups), e.g. <c>{ pattern: "T.*$" }</c> keeps the date part of an ISO date-time. Matching
/// times out after 100 ms, which fails the record rather than stalling the connector.
/// </summary>
public sealed class ReplaceTransform(Regex pattern, string replacement) : ITextTransform
{
    /// <inheritdoc />
    public string Apply(string text, TransformContext context)
    {
        try
        {
            return pattern.Replace(text, replacement);
        }
        catch (RegexMatchTimeoutException)
        {
            throw context.Fail(text, $"took too long to match /{pattern}/");
        }
    }
}
