namespace StreamFinance.Connectors.Sources.X12;

/// <summary>
/// Turns an element's text into the value a path reads: its first repetition (when the interchange declares a
/// repetition separator), optionally one component of it, with padding spaces trimmed; null when absent or empty.
/// </summary>
internal static class X12Values
{
    /// <summary>The value of <paramref name="element"/>, or of its 1-based <paramref name="component"/> when given.</summary>
    public static string? Read(string? element, X12Delimiters delimiters, int? component)
    {
        if (element is null)
            return null;
        var text = element.AsSpan();
        if (delimiters.Repetition is { } repetition)
        {
            var end = text.IndexOf((char)repetition);
            if (end >= 0)
                text = text[..end];
        }
        if (component is { } wanted)
        {
            var separator = (char)delimiters.Component;
            for (var c = 1; c < wanted; c++)
            {
                var next = text.IndexOf(separator);
                if (next < 0)
                    return null;
                text = text[(next + 1)..];
            }
            var end = text.IndexOf(separator);
            if (end >= 0)
                text = text[..end];
        }
        text = text.Trim(' ');
        return text.IsEmpty ? null : text.ToString();
    }
}
