using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.Audit;

/// <summary>
/// Reads the audit index: the timeline of an id is the events of the correlation ids the id store names for it, plus
/// those of the id itself taken as a correlation id. Over Streamiz's read-only stores, so the same code reads a running
/// topology's stores (interactive queries over every local task) and a test driver's.
/// </summary>
public sealed class AuditIndexReader(IReadOnlyKeyValueStore<string, AuditEvent> timelines, IReadOnlyKeyValueStore<string, string> ids)
{
    /// <summary>The timeline of <paramref name="id"/>; empty when no event names it.</summary>
    public AuditTimeline Trace(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var correlations = new List<string> { id };
        var (from, to) = AuditIndexKeys.Range(id);
        using (var named = ids.Range(from, to))
            while (named.MoveNext())
                if (named.Current is { } entry && entry.Key.StartsWith(from, StringComparison.Ordinal))
                    correlations.Add(AuditIndexKeys.CorrelationOf(entry.Key, id));

        var events = new List<AuditEvent>();
        foreach (var correlation in correlations.Distinct())
        {
            var (first, last) = AuditIndexKeys.Range(correlation);
            using var chain = timelines.Range(first, last);
            while (chain.MoveNext())
                if (chain.Current is { } entry && entry.Value is not null && entry.Key.StartsWith(first, StringComparison.Ordinal))
                    events.Add(entry.Value);
        }
        return AuditTimeline.Of(id, events);
    }
}
