using System.Globalization;

namespace StreamFinance.Connectors.Mapping.Transforms;

/// <summary>
/// <c>date</c>: reads a date or date-time written in <c>format</c> (a .NET exact format such as <c>yyyyMMdd</c> or
/// <c>dd.MM.yyyy HH:mm</c>; default ISO 8601) and gives it as ISO 8601 with an offset. A value without an offset is
/// taken as wall-clock time in <c>timeZone</c> (an IANA id such as <c>Europe/Berlin</c>; default UTC). The engine then
/// takes the calendar date as written for Avro <c>date</c> fields, and the UTC instant for <c>timestamp-millis</c> fields.
/// </summary>
public sealed class DateTransform(string? format, TimeZoneInfo timeZone) : ITextTransform
{
    /// <summary>The exact format, or null for ISO 8601.</summary>
    public string? Format { get; } = format;

    /// <summary>The zone of values without an offset.</summary>
    public TimeZoneInfo TimeZone { get; } = timeZone;

    /// <summary>Whether <paramref name="format"/> can read what it writes (catches typos such as unbalanced quotes).</summary>
    public static bool IsUsableFormat(string format)
    {
        try
        {
            var sample = new DateTime(2001, 2, 3, 4, 5, 6, 7, DateTimeKind.Unspecified);
            var text = sample.ToString(format, CultureInfo.InvariantCulture);
            return DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public string Apply(string text, TransformContext context)
    {
        var s = text.Trim();
        var styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
        DateTimeOffset parsed;
        var ok = Format is null
            ? DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, styles, out parsed)
            : DateTimeOffset.TryParseExact(s, Format, CultureInfo.InvariantCulture, styles, out parsed);
        if (!ok)
            throw context.Fail(text, $"is not a date in format {Format ?? "ISO 8601"}");
        if (!HasOffset(s, Format))
        {
            var clock = DateTime.SpecifyKind(parsed.DateTime, DateTimeKind.Unspecified);
            parsed = new DateTimeOffset(clock, TimeZone.GetUtcOffset(clock));
        }
        return parsed.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
    }

    private static bool HasOffset(string text, string? format) =>
        format is not null
            ? format.Contains('z') || format.Contains('K')
            : text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"T.*[+-]\d\d:?\d\d$");
}
