using System.Text;
using System.Text.RegularExpressions;

namespace StreamFinance.Kafka.Observability;

/// <summary>
/// The Prometheus naming rules every StreamFinance metric follows, checked in one place: the <c>streamfinance_</c>
/// prefix, lower-case snake_case, <c>_total</c> on counters and nowhere else, base units (seconds, bytes) instead of
/// milliseconds or kilobytes, and no suffix that Prometheus reserves for histograms.
/// </summary>
public static partial class MetricNaming
{
    /// <summary>Prefix of every StreamFinance metric.</summary>
    public const string Prefix = "streamfinance_";

    // Unit words that have a base-unit equivalent in Prometheus: seconds, bytes, ratios from 0 to 1.
    private static readonly HashSet<string> NonBaseUnits = new(StringComparer.Ordinal)
    {
        "ms", "millis", "milliseconds", "us", "micros", "microseconds", "ns", "nanos", "nanoseconds",
        "minutes", "hours", "days", "kb", "kilobytes", "mb", "megabytes", "gb", "gigabytes", "percent", "percentage",
    };

    private static readonly string[] HistogramReservedSuffixes = ["_count", "_sum", "_bucket"];

    /// <summary>
    /// Checks <paramref name="name"/> (given without the prefix) and returns it with the prefix.
    /// </summary>
    /// <exception cref="ArgumentException">The name breaks a rule; the message says which and what to write instead.</exception>
    public static string Qualify(string name, MetricKind kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith(Prefix, StringComparison.Ordinal))
            throw Invalid(name, $"give it without the '{Prefix}' prefix, which is added for you ('{name[Prefix.Length..]}')");
        if (!SnakeCase().IsMatch(name))
            throw Invalid(name, "use lower-case letters, digits and single underscores, starting with a letter (for example expenses_posted_total)");
        var words = name.Split('_');
        if (words.FirstOrDefault(NonBaseUnits.Contains) is { } unit)
            throw Invalid(name, $"'{unit}' is not a base unit: measure time in seconds, sizes in bytes and shares as a ratio from 0 to 1");
        var endsInTotal = name.EndsWith("_total", StringComparison.Ordinal);
        if (kind == MetricKind.Counter && !endsInTotal)
            throw Invalid(name, $"a counter's name ends in _total ('{name}_total')");
        if (kind != MetricKind.Counter && endsInTotal)
            throw Invalid(name, $"only counters end in _total; a {kind.ToString().ToLowerInvariant()} does not");
        if (HistogramReservedSuffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal)) is { } reserved)
            throw Invalid(name, $"Prometheus reserves the suffix '{reserved}' for the series of histograms and summaries");
        return Prefix + name;
    }

    /// <summary>Checks label names: snake_case, distinct, not reserved (<c>__*</c>, and <c>le</c> on histograms).</summary>
    /// <exception cref="ArgumentException">A label name breaks a rule.</exception>
    public static void ValidateLabels(string metric, IReadOnlyCollection<string> labelNames, MetricKind kind)
    {
        ArgumentNullException.ThrowIfNull(labelNames);
        foreach (var label in labelNames)
        {
            if (label is null || !LabelName().IsMatch(label) || label.StartsWith("__", StringComparison.Ordinal))
                throw new ArgumentException($"Metric '{metric}': label '{label}' is not a valid label name: use lower-case snake_case (for example legal_entity).", nameof(labelNames));
            if (kind == MetricKind.Histogram && label == "le")
                throw new ArgumentException($"Metric '{metric}': a histogram cannot have a label named 'le'; Prometheus uses it for the bucket bounds.", nameof(labelNames));
        }
        if (labelNames.Distinct(StringComparer.Ordinal).Count() != labelNames.Count)
            throw new ArgumentException($"Metric '{metric}': label names must be distinct ({string.Join(", ", labelNames)}).", nameof(labelNames));
    }

    /// <summary>
    /// Turns a foreign name (a Streamiz metric such as <c>commit-latency-avg</c>) into lower-case snake_case:
    /// every run of characters other than letters and digits becomes one underscore.
    /// </summary>
    public static string ToSnakeCase(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
                sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '_')
                sb.Append('_');
        }
        var result = sb.ToString().TrimEnd('_');
        return result.Length > 0 && char.IsAsciiDigit(result[0]) ? "_" + result : result;
    }

    private static ArgumentException Invalid(string name, string rule) =>
        new($"Metric name '{name}' does not follow the naming rules: {rule}.", nameof(name));

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex LabelName();
}
