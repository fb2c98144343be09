using System.Globalization;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.Audit;

/// <summary>
/// Recomputes the audit trail's evidence from <c>audit.events</c>, read partition by partition in offset order:
/// every event's hash (<see cref="AuditEventHash"/>), every correlation id's chain (sequence without gaps, each
/// <c>previousHash</c> the hash of the event before), and every partition's running hash against its daily chain heads
/// (<see cref="AuditPartitionHead"/>). Repeats (same event id and hash, written again under at-least-once) are taken
/// once. Pure: give it the events, read the findings.
/// </summary>
/// <param name="fromStart">
/// True when the events are read from the beginning of every partition: a chain must then start at sequence 1 and each
/// partition's running hash starts empty. False for a read from a point in time (<c>--since</c>): a chain may start at
/// any sequence, and a partition's running hash is anchored at its first chain head.
/// </param>
public sealed class AuditChainVerifier(bool fromStart)
{
    private readonly Dictionary<string, (long Sequence, string Hash, int Partition, long Offset)> chains = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> seen = [];
    private readonly Dictionary<int, string?> running = [];
    private readonly List<AuditFinding> findings = [];

    /// <summary>Problems found so far, in the order found.</summary>
    public IReadOnlyList<AuditFinding> Findings => findings;

    /// <summary>Events read (repeats included).</summary>
    public long Events { get; private set; }

    /// <summary>Repeats taken once.</summary>
    public long Repeats { get; private set; }

    /// <summary>Daily chain heads checked against the partition's events.</summary>
    public long HeadsChecked { get; private set; }

    /// <summary>Correlation ids seen.</summary>
    public int Chains => chains.Count(c => !c.Key.StartsWith(AuditChain.HeadCorrelationPrefix, StringComparison.Ordinal));

    /// <summary>Checks the event at <paramref name="partition"/>/<paramref name="offset"/>; call in offset order per partition.</summary>
    public void Add(int partition, long offset, AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        Events++;
        if (audit.hash is null)
        {
            Report(AuditFindingKinds.Unchained, partition, offset, audit, "the event has no hash: the audit chainer did not write it.");
            return;
        }
        if (seen.TryGetValue(audit.eventId, out var earlier))
        {
            if (earlier == audit.hash)
                Repeats++;
            else
                Report(AuditFindingKinds.Conflict, partition, offset, audit, $"event {audit.eventId} was written before with hash {earlier}; this copy has {audit.hash}.");
            return;
        }
        seen[audit.eventId] = audit.hash;

        var computed = AuditEventHash.Compute(audit);
        if (computed != audit.hash)
            Report(AuditFindingKinds.Edited, partition, offset, audit, $"sequence {audit.sequence} ({audit.step} of {audit.businessId}) hashes to {computed}, not to its recorded hash {audit.hash}: it was changed after it was chained.");
        CheckChain(partition, offset, audit);
        if (AuditChain.IsHead(audit))
            CheckHead(partition, offset, audit);
        else if (running.GetValueOrDefault(partition, fromStart ? "" : null) is { } before)
            running[partition] = AuditChain.Fold(before, audit.hash);
    }

    private void CheckChain(int partition, long offset, AuditEvent audit)
    {
        if (!chains.TryGetValue(audit.correlationId, out var last))
        {
            if (fromStart && audit.sequence != 1)
                Report(AuditFindingKinds.Gap, partition, offset, audit, $"the chain starts at sequence {audit.sequence}: sequences 1 to {audit.sequence - 1} are missing (deleted?).");
            else if (fromStart && audit.previousHash is not null)
                Report(AuditFindingKinds.Break, partition, offset, audit, "the chain's first event names a previous hash.");
        }
        else if (audit.sequence <= last.Sequence)
            Report(AuditFindingKinds.Conflict, partition, offset, audit, $"sequence {audit.sequence} comes after sequence {last.Sequence} (at {last.Partition}/{last.Offset}).");
        else if (audit.sequence > last.Sequence + 1)
            Report(AuditFindingKinds.Gap, partition, offset, audit,
                $"sequence {audit.sequence} follows sequence {last.Sequence} (at {last.Partition}/{last.Offset}): {Missing(last.Sequence, audit.sequence)} missing (deleted?).");
        else if (audit.previousHash != last.Hash)
            Report(AuditFindingKinds.Break, partition, offset, audit,
                $"sequence {audit.sequence} names previous hash {audit.previousHash ?? "none"}, but sequence {last.Sequence} (at {last.Partition}/{last.Offset}) has hash {last.Hash}.");
        chains[audit.correlationId] = (audit.sequence, audit.hash!, partition, offset);
    }

    private void CheckHead(int partition, long offset, AuditEvent head)
    {
        var recorded = (head.detail.TryGetValue("partitionHash", out var hash) ? hash : "");
        var day = (head.detail.TryGetValue("day", out var d) ? d : "?");
        if (running.GetValueOrDefault(partition, fromStart ? "" : null) is { } computed)
        {
            HeadsChecked++;
            if (computed != recorded)
                Report(AuditFindingKinds.HeadMismatch, partition, offset, head,
                    $"the chain head of {day} records partition hash {recorded}, but the partition's events before it hash to {computed}: an event of partition {partition} before offset {offset} was deleted, added or rewritten.");
        }
        // The next day is checked from this head on, so one fault is reported once.
        running[partition] = recorded;
    }

    private static string Missing(long last, long next) =>
        next - last == 2
            ? string.Create(CultureInfo.InvariantCulture, $"sequence {last + 1} is")
            : string.Create(CultureInfo.InvariantCulture, $"sequences {last + 1} to {next - 1} are");

    private void Report(string kind, int partition, long offset, AuditEvent audit, string message) =>
        findings.Add(new AuditFinding(kind, partition, offset, audit.correlationId, message));
}
