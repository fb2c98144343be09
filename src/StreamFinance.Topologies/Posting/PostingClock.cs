using System.Globalization;
using StreamFinance.Domain.Journals;

namespace StreamFinance.Topologies.Posting;

/// <summary>
/// The clock that assigns and closes windows: the highest approval time the task has seen (kept in the
/// <see cref="PostingNames.ClockStore"/> store, so a restart never reopens a closed window) or, with
/// <see cref="PostingOptions.CloseOnWallClock"/>, the wall clock when that is later, so windows close on time in quiet
/// hours. Stream time alone makes a run reproducible from its input; the wall clock keeps the ERP fed.
/// </summary>
public sealed class PostingClock
{
    private const string HighWaterKey = "approval-high-water";
    private readonly Streamiz.Kafka.Net.State.IKeyValueStore<string, string> store;
    private readonly TimeProvider wallClock;
    private readonly bool useWallClock;
    private DateTimeOffset highWater;

    /// <summary>Reads the high-water mark from <paramref name="store"/>.</summary>
    public PostingClock(Streamiz.Kafka.Net.State.IKeyValueStore<string, string> store, TimeProvider wallClock, PostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.store = store;
        this.wallClock = wallClock;
        useWallClock = options.CloseOnWallClock;
        highWater = store.Get(HighWaterKey) is { } stored
            ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(stored, CultureInfo.InvariantCulture))
            : DateTimeOffset.MinValue;
    }

    /// <summary>Moves the high-water mark to <paramref name="approvalTime"/> when that is later.</summary>
    public void Observe(DateTimeOffset approvalTime)
    {
        if (approvalTime <= highWater)
            return;
        highWater = approvalTime;
        store.Put(HighWaterKey, approvalTime.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The posting time now.</summary>
    public DateTimeOffset Now()
    {
        var wall = wallClock.GetUtcNow();
        return useWallClock && wall > highWater ? wall : highWater;
    }
}
