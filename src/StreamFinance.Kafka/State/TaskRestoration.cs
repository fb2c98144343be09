using Microsoft.Extensions.Logging;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.Processors.Public;

namespace StreamFinance.Kafka.State;

/// <summary>
/// Whether Streamiz has restored the stores of one task: what a processor's wall-clock punctuators wait for before
/// they act on those stores (see <see cref="StoreRestorations"/> for why they must). Made in the processor's
/// <c>Init</c> by <see cref="For{K, V}"/>, then asked by the punctuators that <see cref="Schedule{K, V}"/> wraps.
/// </summary>
public sealed class TaskRestoration
{
    private readonly string task;
    private readonly IReadOnlyList<(string Store, Func<bool> Ended)> stores;
    private readonly ILogger? logger;
    private bool complete;
    private bool waitLogged;

    internal TaskRestoration(string task, IReadOnlyList<(string Store, Func<bool> Ended)> stores, ILogger? logger)
    {
        this.task = task;
        this.stores = stores;
        this.logger = logger;
        complete = stores.Count == 0;
    }

    /// <summary>
    /// The restoration of <paramref name="stores"/> for the task of <paramref name="context"/>, tracked by
    /// <paramref name="restorations"/>; complete at once when that is null (a test driver, which restores nothing).
    /// </summary>
    public static TaskRestoration For<K, V>(ProcessorContext<K, V> context, StoreRestorations? restorations, params string[] stores)
    {
        ArgumentNullException.ThrowIfNull(context);
        return restorations is null ? new TaskRestoration("", [], null) : restorations.Begin(context.Id.ToString(), context.Id.Partition, stores);
    }

    /// <summary>Whether every store is restored: each ended a restore since <c>Init</c>, or a record has reached the task.</summary>
    public bool IsComplete
    {
        get
        {
            if (!complete && stores.All(s => s.Ended()))
                Complete("each of its stores ended a restore");
            return complete;
        }
    }

    /// <summary>A record reached the task's processor: Streamiz hands records only to running tasks, whose stores are restored.</summary>
    public void RecordArrived()
    {
        if (!complete)
            Complete("a record reached it");
    }

    /// <summary>
    /// Schedules <paramref name="punctuate"/> every <paramref name="interval"/> of processing time, as
    /// <c>context.Schedule</c> does, but skips each run that comes while the stores are still restoring.
    /// </summary>
    public void Schedule<K, V>(ProcessorContext<K, V> context, TimeSpan interval, Action punctuate)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(punctuate);
        context.Schedule(interval, PunctuationType.PROCESSING_TIME, _ =>
        {
            if (IsComplete)
                punctuate();
            else
                LogWaitOnce();
        });
    }

    private void Complete(string how)
    {
        complete = true;
        if (waitLogged)
            logger?.LogInformation("Task {Task}: stores restored ({How}); its punctuators run from now", task, how);
    }

    /// <summary>Once per task: which stores a punctuation waits for, so that a gate that never opens shows in the log.</summary>
    private void LogWaitOnce()
    {
        if (waitLogged)
            return;
        waitLogged = true;
        logger?.LogInformation("Task {Task}: punctuators wait until {Stores} are restored (no restore end seen since the task was assigned, and no record yet)",
            task, string.Join(", ", stores.Where(s => !s.Ended()).Select(s => s.Store)));
    }
}
