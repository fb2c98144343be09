using System.Globalization;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// The demo's live view: a table of records per topic, redrawn in place on a terminal, or printed as a new block
/// when the output goes to a file or a CI log. Topics that are still empty are left out to keep it short. Each topology's
/// state and, when <c>connectorStates</c> is given, each connector's state and record counts are shown above the table;
/// when <c>journals</c> is given, the journals posted so far are listed below it with their reconciliation ids and balances;
/// when <c>procurement</c> is given, the commitments written by kind and the purchase orders held now by reason.
/// </summary>
public sealed class LiveView(
    TopicActivityMonitor monitor, Func<IReadOnlyDictionary<string, string>> topologyStates, TextWriter output, ILogger<LiveView> logger, TimeSpan? refresh = null,
    Func<IReadOnlyDictionary<string, string>>? connectorStates = null, JournalTail? journals = null, ProcurementTail? procurement = null)
    : BackgroundService
{
    private readonly TimeSpan interval = refresh ?? TimeSpan.FromSeconds(2);
    private readonly bool interactive = !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
    private readonly DateTime startedAt = DateTime.UtcNow;

    /// <summary>How many journals the live view lists, newest last.</summary>
    public const int JournalsShown = 6;

    /// <summary>The last snapshot drawn, for the closing summary.</summary>
    public IReadOnlyList<TopicActivity> Last { get; private set; } = [];

    /// <summary>How many held purchase orders the live view lists, oldest first.</summary>
    public const int HoldsShown = 4;

    /// <summary>The journals read by the last draw, for the closing summary.</summary>
    public IReadOnlyList<PostedJournal> Journals { get; private set; } = [];

    /// <summary>The procurement outputs read by the last draw, for the closing summary.</summary>
    public ProcurementActivity Procurement { get; private set; } = ProcurementActivity.None;

    /// <inheritdoc />
    public override void Dispose()
    {
        base.Dispose();
        monitor.Dispose();
        journals?.Dispose();
        procurement?.Dispose();
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
        var summary = $"Stopped after {DateTime.UtcNow - startedAt:hh\\:mm\\:ss}. {Last.Sum(a => a.Records):N0} records in {Last.Count(a => a.Records > 0)} topics: {string.Join(", ", rows)}.";
        if (journals is not null)
        {
            Journals = PollJournals();
            summary += Environment.NewLine + JournalLines(Journals).TrimEnd();
        }
        if (procurement is not null)
        {
            Procurement = PollProcurement();
            summary += Environment.NewLine + ProcurementLines(Procurement);
        }
        return summary;
    }

    /// <summary>The procurement part of the view: commitments by kind, what stays committed per currency, and the orders held now by reason, the oldest <see cref="HoldsShown"/> listed.</summary>
    public static string ProcurementLines(ProcurementActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var sb = new StringBuilder();
        var commitments = activity.CommitmentsByKind.Values.Sum();
        sb.AppendLine(commitments == 0
            ? "  commitments on erp.commitments: none yet"
            : string.Create(CultureInfo.InvariantCulture,
                $"  commitments on erp.commitments: {commitments} ({string.Join(", ", activity.CommitmentsByKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"))}); " +
                $"committed now {string.Join(", ", activity.CommittedByCurrency.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value:N2} {c.Key}"))}"));
        sb.AppendLine(activity.Held.Count == 0
            ? "  purchase orders held on p2p.po-held: none"
            : string.Create(CultureInfo.InvariantCulture,
                $"  purchase orders held on p2p.po-held: {activity.Held.Count} ({string.Join(", ", activity.Held.GroupBy(h => h.ReasonCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))})"));
        foreach (var hold in activity.Held.Take(HoldsShown))
            sb.AppendLine(CultureInfo.InvariantCulture, $"    {hold.PoNumber}  {hold.ReasonCode}: {Shortened(hold.Message)}");
        return sb.ToString();
    }

    /// <summary>The journals part of the view: how many, whether all balance, and the newest <see cref="JournalsShown"/>.</summary>
    public static string JournalLines(IReadOnlyList<PostedJournal> journals)
    {
        var sb = new StringBuilder();
        var unbalanced = journals.Count(j => !j.Balanced);
        var heading = journals.Count == 0
            ? "  journals posted to erp.journal-postings: none yet (a posting window closes at its end plus the grace period)"
            : string.Create(CultureInfo.InvariantCulture, $"  journals posted to erp.journal-postings: {journals.Count}, {(unbalanced == 0 ? "every one balanced" : $"{unbalanced} NOT balanced")}");
        sb.AppendLine(heading);
        foreach (var j in journals.TakeLast(JournalsShown))
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"    {j.ReconciliationId}  {j.Lines,3} lines  debit {j.Debit,14:N2} {j.Currency}  credit {j.Credit,14:N2} {j.Currency}  {(j.Balanced ? "balanced" : "NOT balanced")}{(j.ErpAnswer is null ? "" : "  -> " + j.ErpAnswer)}");
        return sb.ToString();
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
                Journals = journals is null ? [] : await Task.Run(PollJournals, stoppingToken);
                Procurement = procurement is null ? ProcurementActivity.None : await Task.Run(PollProcurement, stoppingToken);
                Draw(Last);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Live view could not read topic watermarks: {Reason}", e.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private IReadOnlyList<PostedJournal> PollJournals()
    {
        try
        {
            return journals!.Poll();
        }
        catch (Exception e) when (e is Confluent.Kafka.KafkaException or Avro.AvroException or InvalidDataException)
        {
            logger.LogWarning("Live view could not read the journals: {Reason}", e.Message);
            return Journals;
        }
    }

    /// <summary>Longest hold message shown in full; a longer one (every violation of an 850, say) is cut with an ellipsis.</summary>
    public const int HoldMessageShown = 120;

    private static string Shortened(string message) => message.Length <= HoldMessageShown ? message : message[..(HoldMessageShown - 1)] + "…";

    private ProcurementActivity PollProcurement()
    {
        try
        {
            return procurement!.Poll();
        }
        catch (Exception e) when (e is Confluent.Kafka.KafkaException or Avro.AvroException or InvalidDataException)
        {
            logger.LogWarning("Live view could not read the procurement outputs: {Reason}", e.Message);
            return Procurement;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }

    private void Draw(IReadOnlyList<TopicActivity> snapshot)
    {
        var text = Render(snapshot, topologyStates(), DateTime.UtcNow - startedAt, connectorStates?.Invoke());
        if (journals is not null)
            text += JournalLines(Journals);
        if (procurement is not null)
            text += ProcurementLines(Procurement);
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
