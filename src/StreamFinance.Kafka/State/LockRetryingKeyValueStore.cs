using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Crosscutting;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Kafka.State;

/// <summary>
/// A bytes key-value store that opens the store of its supplier again, for up to <see cref="OpenPatience"/>, while
/// RocksDB says another thread of this process still holds the store's lock; otherwise it behaves exactly like that store.
/// </summary>
/// <remarks>
/// With several stream threads, a rebalance can hand a task to one thread while the thread that ran it has not closed
/// its stores yet: it does so on its next poll. Streamiz 1.8 then fails the receiving thread ("lock hold by current
/// process"), and the topology runs one thread short. Waiting for the lock instead lets the handover finish, as Kafka
/// Streams does by retrying the task later. Each attempt opens a fresh store from the supplier, so a failed open leaves
/// nothing half-initialised behind.
/// </remarks>
/// <param name="open">Opens a new instance of the store (its supplier's <c>Get</c>).</param>
/// <param name="clock">Measures the patience; default the system clock.</param>
public sealed class LockRetryingKeyValueStore(Func<IKeyValueStore<Bytes, byte[]>> open, TimeProvider? clock = null) : ForwardingKeyValueStore(open())
{
    /// <summary>How long an open waits for another thread of the process to release the store: 60 s.</summary>
    public static readonly TimeSpan OpenPatience = TimeSpan.FromSeconds(60);

    private readonly TimeProvider time = clock ?? TimeProvider.System;

    /// <inheritdoc />
    public override void Init(ProcessorContext context, IStateStore root)
    {
        var started = time.GetTimestamp();
        for (var wait = TimeSpan.FromMilliseconds(50); ; wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(1).Ticks)))
        {
            try
            {
                Inner.Init(context, root);
                return;
            }
            catch (Exception e) when (IsHeldByThisProcess(e) && time.GetElapsedTime(started) + wait < OpenPatience)
            {
                Thread.Sleep(wait);
                Inner = open();
            }
        }
    }

    /// <summary>Whether <paramref name="error"/> says the RocksDB lock is held by another handle of this process.</summary>
    public static bool IsHeldByThisProcess(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e.Message.Contains("lock hold by current process", StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }
}
