using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.Audit;

/// <summary>
/// Indexes each chained event: the event under its correlation id and sequence, and its business id and related ids
/// under the correlation id. A repeat of an event (same key) overwrites itself. Daily chain heads are not indexed:
/// they are no transaction's decision (<c>audit verify</c> reads them from the topic).
/// </summary>
public sealed class AuditIndexProcessor : IProcessor<string, AuditEvent>
{
    private IKeyValueStore<string, AuditEvent>? timelines;
    private IKeyValueStore<string, string>? ids;

    /// <inheritdoc />
    public void Init(ProcessorContext<string, AuditEvent> context)
    {
        timelines = (IKeyValueStore<string, AuditEvent>)context.GetStateStore(AuditNames.TimelineStore);
        ids = (IKeyValueStore<string, string>)context.GetStateStore(AuditNames.IdStore);
    }

    /// <inheritdoc />
    public void Process(Record<string, AuditEvent> record)
    {
        var audit = record.Value;
        if (timelines is null || ids is null)
            throw new InvalidOperationException($"{nameof(AuditIndexProcessor)} processed a record before Init.");
        if (AuditChain.IsHead(audit))
            return;
        timelines.Put(AuditIndexKeys.Timeline(audit.correlationId, audit.sequence), audit);
        foreach (var id in audit.relatedIds.Append(audit.businessId).Where(id => !string.IsNullOrEmpty(id) && id != audit.correlationId).Distinct())
            ids.Put(AuditIndexKeys.Id(id, audit.correlationId), "");
    }

    /// <inheritdoc />
    public void Close()
    {
    }
}
