using System.Globalization;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// The demo's live view: a table of records per topic, redrawn in place on a terminal, or printed as a new block
/// when the output goes to a file or a CI log. Topics that are still empty are left out to keep it short. Each topology's
/// state and, when <c>connectorStates</c> is given, each connector's state and record counts are shown above the table.
/// </summary>
public sealed class LiveView(
    TopicActivityMonitor monitor, Func<IReadOnlyDictionary<string, string>> topologyStates, TextWriter output, ILogger<LiveView> logger, TimeSpan? refresh = null,
    Func<IReadOnlyDictionary<string, string>>? connectorStates = null)
    : BackgroundService
{
    private readonly TimeSpan interval = refresh ?? TimeSpan.FromSeconds(2);
    private readonly bool interactive = !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
    private readonly DateTime startedAt = DateTime.UtcNow;

    /// <summary>The last snapshot drawn, for the closing summary.</summary>
    public IReadOnlyList<TopicActivity> Last { get; private set; } = [];

    /// <inheritdoc />
    public override void Dispose()
    {
        base.Dispose();
        monitor.Dispose();
    }

    /// <summary>One closing line with the final count per topic, read fresh so that the last second is included.</summary>
    public string Summary()
    {
        try
        {
            Last = monitor.Snapshot();
        }
        catch (Exception e) when (e is Confluent.Kafka.KafkaException)
        {
            logger.LogWarning("Live view could not read the final watermarks: {Reason}", e.Message);
        }
        var rows = Last.Where(a => a.Records > 0).Select(a => $"{a.Topic} {a.Records:N0}");
        return $"Stopped after {DateTime.UtcNow - startedAt:hh\\:mm\\:ss}. {Last.Sum(a => a.Records):N0} records in {Last.Count(a => a.Records > 0)} topics: {string.Join(", ", rows)}.";
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                Last = await Task.Run(monitor.Snapshot, stoppingToken);
                Draw(Last);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Live view could not read topic watermarks: {Reason}", e.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }

    private void Draw(IReadOnlyList<TopicActivity> snapshot)
    {
        var text = Render(snapshot, topologyStates(), DateTime.UtcNow - startedAt, connectorStates?.Invoke());
        output.Write(interactive ? "\u001b[H\u001b[2J" + text : text);
        output.Flush();
    }

    /// <summary>Formats one table; pure, so that tests can check it. <paramref name="connectors"/> (default none) adds one line per connector.</summary>
    public static string Render(
        IReadOnlyList<TopicActivity> snapshot, IReadOnlyDictionary<string, string> topologies, TimeSpan elapsed, IReadOnlyDictionary<string, string>? connectors = null)
    {
        var rows = snapshot.Where(a => a.Records > 0).ToList();
        var width = Math.Max(5, rows.Select(r => r.Topic.Length).DefaultIfEmpty(5).Max());
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"StreamFinance live view, {elapsed:hh\\:mm\\:ss} elapsed, {rows.Sum(r => r.Records):N0} records in {rows.Count} topics");
        foreach (var (name, state) in topologies)
            sb.AppendLine(CultureInfo.InvariantCulture, $"  topology {name}: {state}");
        foreach (var (name, state) in connectors ?? new Dictionary<string, string>())
            sb.AppendLine(CultureInfo.InvariantCulture, $"  connector {name}: {state}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  {"topic".PadRight(width)}  {"records",10}  {"per second",10}");
        foreach (var r in rows)
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {r.Topic.PadRight(width)}  {r.Records,10:N0}  {r.RecordsPerSecond,10:N1}");
        return sb.ToString();
    }
}
