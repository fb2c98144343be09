namespace StreamFinance.Topologies.Expenses;

/// <summary>What became of the first delivery of an idempotency key.</summary>
public enum DedupeOutcome
{
    /// <summary>Written to <c>expense.approved</c>: every later delivery, replays included, is dropped.</summary>
    Approved,

    /// <summary>Written to <c>dlq.expenses</c>: a replay (a delivery with the replay header) may pass again; a plain re-delivery is dropped.</summary>
    DeadLettered,

    /// <summary>
    /// Waiting for master data in <c>expense.md-waits</c>: every later delivery, replays included, is dropped; when the
    /// line leaves the wait the key is recorded as <see cref="Approved"/> or <see cref="DeadLettered"/>.
    /// </summary>
    Held,
}
