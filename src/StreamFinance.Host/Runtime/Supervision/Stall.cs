using System.Globalization;

namespace StreamFinance.Host.Runtime.Supervision;

/// <summary>A running topology that processes nothing while records wait on its inputs.</summary>
/// <param name="Quiet">How long nothing has been processed while records waited.</param>
/// <param name="Waiting">Records waiting, per source topic.</param>
public sealed record Stall(TimeSpan Quiet, IReadOnlyDictionary<string, long> Waiting)
{
    /// <summary>For readiness and the log: <c>stalled: no record processed for 74 s while 968 records wait on ingest.expenses</c>.</summary>
    public string Describe()
    {
        var topics = Waiting.Where(w => w.Value > 0).OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).ToList();
        var first = topics[0];
        var rest = topics.Skip(1).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Value} on {t.Key}"));
        var head = string.Create(CultureInfo.InvariantCulture,
            $"stalled: no record processed for {Quiet.TotalSeconds:0} s while {first.Value} {(first.Value == 1 ? "record waits" : "records wait")} on {first.Key}");
        return topics.Count == 1 ? head : $"{head} and {string.Join(" and ", rest)}";
    }
}
