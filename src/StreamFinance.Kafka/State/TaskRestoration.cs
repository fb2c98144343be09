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
    private readonly IReadOnlyList<Func<bool>> restored;
    private bool complete;

    internal TaskRestoration(IReadOnlyList<Func<bool>> restored)
    {
        this.restored = restored;
        complete = restored.Count == 0;
    }

    /// <summary>
    /// The restoration of <paramref name="stores"/> for the task of <paramref name="context"/>, tracked by
    /// <paramref name="restorations"/>; complete at once when that is null (a test driver, which restores nothing).
    /// </summary>
    public static TaskRestoration For<K, V>(ProcessorContext<K, V> context, StoreRestorations? restorations, params string[] stores)
    {
        ArgumentNullException.ThrowIfNull(context);
        return restorations is null ? new TaskRestoration([]) : restorations.Begin(context.Id.Partition, stores);
    }

    /// <summary>Whether every store is restored: each ended a restore since <c>Init</c>, or a record has reached the task.</summary>
    public bool IsComplete
    {
        get
        {
            if (!complete && restored.All(store => store()))
                complete = true;
            return complete;
        }
    }

    /// <summary>A record reached the task's processor: Streamiz hands records only to running tasks, whose stores are restored.</summary>
    public void RecordArrived() => complete = true;

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
        });
    }
}
