using System.Globalization;
using System.Text;
using Prometheus;

namespace StreamFinance.TestSupport.Metrics;

/// <summary>Reads the Prometheus text format, as served on /metrics, for assertions.</summary>
public sealed class PrometheusText
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> samples = [];

    private PrometheusText(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
                continue;
            var space = line.LastIndexOf(' ');
            var series = line[..space];
            var value = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            var brace = series.IndexOf('{');
            var name = brace < 0 ? series : series[..brace];
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (brace >= 0)
                foreach (var pair in SplitLabels(series[(brace + 1)..^1]))
                {
                    var eq = pair.IndexOf('=');
                    labels[pair[..eq]] = pair[(eq + 2)..^1];
                }
            samples.Add((name, labels, value));
        }
    }

    /// <summary>The text as served.</summary>
    public string Text { get; }

    /// <summary>What <paramref name="registry"/> would serve on /metrics now.</summary>
    public static async Task<PrometheusText> ExportAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream, TestContext.Current.CancellationToken);
        return new PrometheusText(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Reads <paramref name="text"/>, a /metrics answer.</summary>
    public static PrometheusText Parse(string text) => new(text);

    /// <summary>The value of the one series named <paramref name="name"/> having all of <paramref name="labels"/>; null if none.</summary>
    public double? Value(string name, params (string Label, string Value)[] labels)
    {
        var matches = Matching(name, labels).ToList();
        return matches.Count switch
        {
            0 => null,
            1 => matches[0].Value,
            _ => throw new InvalidOperationException($"{matches.Count} series of {name} match; give more labels."),
        };
    }

    /// <summary>Every series named <paramref name="name"/> having all of <paramref name="labels"/>, with its labels and value.</summary>
    public IEnumerable<(Dictionary<string, string> Labels, double Value)> Matching(string name, params (string Label, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value))
            .Select(s => (s.Labels, s.Value));

    /// <summary>The <c># HELP</c> text of <paramref name="name"/>; null if it has none.</summary>
    public string? Help(string name) =>
        Text.Split('\n').FirstOrDefault(l => l.StartsWith($"# HELP {name} ", StringComparison.Ordinal))?[$"# HELP {name} ".Length..];

    private static IEnumerable<string> SplitLabels(string labels)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == '"' && (i == 0 || labels[i - 1] != '\\'))
                quoted = !quoted;
            else if (labels[i] == ',' && !quoted)
            {
                yield return labels[start..i];
                start = i + 1;
            }
        }
        if (start < labels.Length)
            yield return labels[start..];
    }
}
