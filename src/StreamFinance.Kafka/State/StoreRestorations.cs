using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StreamFinance.Kafka.State;

/// <summary>
/// The restorations one <c>KafkaStream</c> has finished, per store and partition, from its restore-end events
/// (<see cref="Ended"/>, wired to <c>KafkaStream.OnRestoreEndEvent</c>); processors ask through a
/// <see cref="TaskRestoration"/> whether the stores of their task are restored yet.
/// </summary>
/// <remarks>
/// Streamiz 1.8 creates a task's processors (<c>Init</c>) as soon as the task is assigned, then restores its stores
/// from their changelogs one batch per pass of the stream thread, and runs every task's processing-time punctuators on
/// each pass, restoring or not (<c>TaskManager.Punctuate</c> visits every active task; <c>StreamTask.PunctuateSystemTime</c>
/// does not look at the task's state). Records, in contrast, only reach a task that runs. Kafka Streams punctuates
/// running tasks only. So a punctuator that decides from what its stores hold (close a posting window, release a held
/// line) would decide from part of the state, which the rest of the restore then writes over.
/// </remarks>
/// <param name="logger">
/// Where each task's restoration is logged: once when a punctuation first waits (naming the stores not restored yet) and
/// once when it completes (and by what); null: nowhere (a test driver).
/// </param>
public sealed class StoreRestorations(ILogger? logger = null)
{
    private readonly ConcurrentDictionary<(string Store, int Partition), long> ends = new();

    /// <summary>Records that the store <paramref name="store"/> of partition <paramref name="partition"/> is restored.</summary>
    public void Ended(string store, int partition) => ends.AddOrUpdate((store, partition), 1, (_, count) => count + 1);

    /// <summary>
    /// The restoration of <paramref name="stores"/> for the task of <paramref name="partition"/>, from now: complete once
    /// each of them has ended a restore after this call. Call it from the processor's <c>Init</c>, which Streamiz runs
    /// before it registers the task's changelogs for restoring.
    /// </summary>
    public TaskRestoration Begin(int partition, params string[] stores) => Begin($"of partition {partition}", partition, stores);

    /// <summary><see cref="Begin(int, string[])"/> for the task named <paramref name="task"/> in the log.</summary>
    internal TaskRestoration Begin(string task, int partition, string[] stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        return new TaskRestoration(task, [.. stores.Select(store => (store, EndedSince(store, partition, EndsOf(store, partition))))], logger);
    }

    private Func<bool> EndedSince(string store, int partition, long before) => () => EndsOf(store, partition) > before;

    private long EndsOf(string store, int partition) => ends.GetValueOrDefault((store, partition));
}
