namespace StreamFinance.Kafka.State;

/// <summary>
/// A counter that a state store advances after every write, so that readers outside the stream thread can keep decoded
/// values in a cache and know exactly when it may be stale: a value read while the counter stood at
/// <c>g</c> is still current as long as <see cref="Generation"/> is <c>g</c>. Readers take the generation
/// <em>before</em> they read the store and writers advance it <em>after</em> they wrote, so a write racing a read
/// always invalidates what that read cached. Thread-safe.
/// </summary>
public sealed class StoreWriteSignal
{
    private long generation;

    /// <summary>The current generation; it only grows.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Records that the store changed (a put, a delete, an open or a close).</summary>
    public void Advance() => Interlocked.Increment(ref generation);
}
