using System.Globalization;

namespace StreamFinance.Host.Cli;

/// <summary>Parses durations written as seconds (<c>20</c>), with a unit (<c>90s</c>, <c>5m</c>, <c>2h</c>) or as <c>hh:mm:ss</c>.</summary>
public static class DurationParser
{
    /// <summary>Parses <paramref name="text"/>; returns false with a reason when it is not a positive duration.</summary>
    public static bool TryParse(string text, out TimeSpan duration, out string error)
    {
        duration = default;
        error = "";
        var t = text.Trim();
        double factor = 1;
        if (t.EndsWith("ms", StringComparison.OrdinalIgnoreCase)) { factor = 0.001; t = t[..^2]; }
        else if (t.EndsWith('s') || t.EndsWith('S')) { t = t[..^1]; }
        else if (t.EndsWith('m') || t.EndsWith('M')) { factor = 60; t = t[..^1]; }
        else if (t.EndsWith('h') || t.EndsWith('H')) { factor = 3600; t = t[..^1]; }

        if (decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            duration = TimeSpan.FromSeconds((double)number * factor);
        else if (factor == 1 && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
            duration = span;
        else
        {
            error = $"'{text}' is not a duration: write seconds (20), 90s, 5m, 2h or hh:mm:ss.";
            return false;
        }
        if (duration <= TimeSpan.Zero)
        {
            error = $"'{text}' must be longer than zero.";
            return false;
        }
        return true;
    }
}
