namespace StreamFinance.Connectors.Runtime;

/// <summary>
/// Tracks records in flight in source order and answers how far the source may be committed: the line of the last
/// record of the longest contiguous prefix whose records are all acknowledged (produced or dead-lettered). A record
/// acknowledged out of order does not move the position past an earlier one still in flight, so a crash never skips
/// an unacknowledged record. Thread-safe: delivery callbacks complete records on the producer's thread.
/// </summary>
public sealed class OffsetTracker
{
    private readonly object gate = new();
    private readonly Queue<Entry> inFlight = new();
    private readonly HashSet<long> doneOutOfOrder = [];
    private long nextSequence;
    private long committable;
    private long acknowledged;

    /// <summary>Starts tracking at <paramref name="committedLine"/>, the position already committed (0 for none).</summary>
    public OffsetTracker(long committedLine = 0) => committable = committedLine;

    /// <summary>The line up to which every record is acknowledged; only this may be committed.</summary>
    public long CommittableLine
    {
        get
        {
            lock (gate)
                return committable;
        }
    }

    /// <summary>Records acknowledged so far, in any order.</summary>
    public long Acknowledged => Interlocked.Read(ref acknowledged);

    /// <summary>Records begun and not yet acknowledged.</summary>
    public int InFlight
    {
        get
        {
            lock (gate)
                return inFlight.Count - doneOutOfOrder.Count;
        }
    }

    /// <summary>Registers the next record, at <paramref name="line"/> (lines must not decrease); returns its ticket for <see cref="Complete"/>.</summary>
    public long Begin(long line)
    {
        lock (gate)
        {
            var sequence = nextSequence++;
            inFlight.Enqueue(new Entry(sequence, line));
            return sequence;
        }
    }

    /// <summary>Marks the record of <paramref name="ticket"/> acknowledged and advances the committable line over the acknowledged prefix.</summary>
    public void Complete(long ticket)
    {
        lock (gate)
        {
            var alreadyPassed = !inFlight.TryPeek(out var first) || ticket < first.Sequence;
            if (ticket < 0 || ticket >= nextSequence || alreadyPassed || !doneOutOfOrder.Add(ticket))
                throw new InvalidOperationException($"Record ticket {ticket} was completed twice; each record is acknowledged once.");
            while (inFlight.TryPeek(out var head) && doneOutOfOrder.Remove(head.Sequence))
            {
                inFlight.Dequeue();
                committable = Math.Max(committable, head.Line);
            }
        }

        Interlocked.Increment(ref acknowledged);
    }

    private readonly record struct Entry(long Sequence, long Line);
}
