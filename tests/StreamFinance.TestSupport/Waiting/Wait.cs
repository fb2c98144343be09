namespace StreamFinance.TestSupport.Waiting;

/// <summary>
/// The one bounded polling wait of the tests: reads a state again and again until a condition on it holds, and fails the
/// test when the patience runs out (or at once when something it waits on has stopped) with a message naming what was
/// awaited and what it last saw. Waits honour the test's cancellation token.
/// </summary>
public static class Wait
{
    /// <summary>The pause between two reads unless a wait gives its own: 100 ms.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Reads until <paramref name="missing"/> returns null (nothing missing) and returns that read; a read that blocks by
    /// itself (a consume with a timeout) can pass <see cref="TimeSpan.Zero"/> as <paramref name="interval"/>.
    /// </summary>
    /// <param name="what">What is awaited, for the failure message, e.g. <c>journals for every approved expense</c>.</param>
    /// <param name="patience">How long to keep reading.</param>
    /// <param name="read">Reads the current state (a whole topic, an HTTP answer, a counter).</param>
    /// <param name="missing">What is still missing in a read, or null when the condition holds.</param>
    /// <param name="interval">The pause between reads; <see cref="DefaultInterval"/> when null.</param>
    /// <param name="stopped">Why waiting is pointless (the application or process stopped), or null while it is not.</param>
    /// <param name="detail">More to say when the wait fails (a process's output, dead-letter reasons).</param>
    public static T UntilNoneMissing<T>(string what, TimeSpan patience, Func<T> read, Func<T, string?> missing,
        TimeSpan? interval = null, Func<string?>? stopped = null, Func<string>? detail = null) =>
        Poll(what, patience, read, value => missing(value) is { } gap ? "still missing: " + gap : null, interval, stopped, detail);

    /// <summary>The asynchronous <see cref="UntilNoneMissing{T}(string, TimeSpan, Func{T}, Func{T, string?}, TimeSpan?, Func{string?}?, Func{string}?)"/>.</summary>
    /// <param name="what">What is awaited, for the failure message.</param>
    /// <param name="patience">How long to keep reading.</param>
    /// <param name="read">Reads the current state.</param>
    /// <param name="missing">What is still missing in a read, or null when the condition holds.</param>
    /// <param name="interval">The pause between reads; <see cref="DefaultInterval"/> when null.</param>
    /// <param name="stopped">Why waiting is pointless, or null while it is not.</param>
    /// <param name="detail">More to say when the wait fails.</param>
    public static Task<T> UntilNoneMissingAsync<T>(string what, TimeSpan patience, Func<Task<T>> read, Func<T, string?> missing,
        TimeSpan? interval = null, Func<string?>? stopped = null, Func<string>? detail = null) =>
        PollAsync(what, patience, read, value => missing(value) is { } gap ? "still missing: " + gap : null, interval, stopped, detail);

    /// <summary>Reads until <paramref name="done"/> holds for a read and returns that read.</summary>
    /// <param name="what">What is awaited, for the failure message.</param>
    /// <param name="patience">How long to keep reading.</param>
    /// <param name="read">Reads the current state.</param>
    /// <param name="done">Whether a read is what is awaited.</param>
    /// <param name="describe">How the last read is shown when the wait fails; its <c>ToString()</c> when null.</param>
    /// <param name="interval">The pause between reads; <see cref="DefaultInterval"/> when null.</param>
    /// <param name="stopped">Why waiting is pointless, or null while it is not.</param>
    /// <param name="detail">More to say when the wait fails.</param>
    public static T Until<T>(string what, TimeSpan patience, Func<T> read, Func<T, bool> done, Func<T, string>? describe = null,
        TimeSpan? interval = null, Func<string?>? stopped = null, Func<string>? detail = null) =>
        Poll(what, patience, read, value => done(value) ? null : LastSeen(value, describe), interval, stopped, detail);

    /// <summary>The asynchronous <see cref="Until{T}(string, TimeSpan, Func{T}, Func{T, bool}, Func{T, string}?, TimeSpan?, Func{string?}?, Func{string}?)"/>.</summary>
    /// <param name="what">What is awaited, for the failure message.</param>
    /// <param name="patience">How long to keep reading.</param>
    /// <param name="read">Reads the current state.</param>
    /// <param name="done">Whether a read is what is awaited.</param>
    /// <param name="describe">How the last read is shown when the wait fails; its <c>ToString()</c> when null.</param>
    /// <param name="interval">The pause between reads; <see cref="DefaultInterval"/> when null.</param>
    /// <param name="stopped">Why waiting is pointless, or null while it is not.</param>
    /// <param name="detail">More to say when the wait fails.</param>
    public static Task<T> UntilAsync<T>(string what, TimeSpan patience, Func<Task<T>> read, Func<T, bool> done, Func<T, string>? describe = null,
        TimeSpan? interval = null, Func<string?>? stopped = null, Func<string>? detail = null) =>
        PollAsync(what, patience, read, value => done(value) ? null : LastSeen(value, describe), interval, stopped, detail);

    /// <summary>Waits until <paramref name="condition"/> holds, asking it every <paramref name="interval"/>.</summary>
    /// <param name="what">What is awaited, for the failure message, e.g. <c>the generator to produce 5 records</c>.</param>
    /// <param name="patience">How long to keep asking.</param>
    /// <param name="condition">The condition; a false answer is shown as <c>not yet</c>.</param>
    /// <param name="interval">The pause between two questions; <see cref="DefaultInterval"/> when null.</param>
    /// <param name="detail">More to say when the wait fails.</param>
    public static Task UntilAsync(string what, TimeSpan patience, Func<bool> condition, TimeSpan? interval = null, Func<string>? detail = null) =>
        PollAsync(what, patience, () => Task.FromResult(condition()), holds => holds ? null : "the condition still does not hold", interval, null, detail);

    private static string LastSeen<T>(T value, Func<T, string>? describe) => "last seen: " + (describe is null ? value?.ToString() ?? "null" : describe(value));

    /// <summary>Reads until <paramref name="problem"/> (what a read still lacks, as shown on failure) is null.</summary>
    private static T Poll<T>(string what, TimeSpan patience, Func<T> read, Func<T, string?> problem, TimeSpan? interval, Func<string?>? stopped, Func<string>? detail)
    {
        var ct = TestContext.Current.CancellationToken;
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var current = read();
            if (problem(current) is not { } gap)
                return current;
            Check(what, patience, deadline, gap, stopped, detail);
            if (interval != TimeSpan.Zero)
                ct.WaitHandle.WaitOne(interval ?? DefaultInterval);
            ct.ThrowIfCancellationRequested();
        }
    }

    private static async Task<T> PollAsync<T>(string what, TimeSpan patience, Func<Task<T>> read, Func<T, string?> problem, TimeSpan? interval, Func<string?>? stopped, Func<string>? detail)
    {
        var ct = TestContext.Current.CancellationToken;
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var current = await read();
            if (problem(current) is not { } gap)
                return current;
            Check(what, patience, deadline, gap, stopped, detail);
            await Task.Delay(interval ?? DefaultInterval, ct);
        }
    }

    private static void Check(string what, TimeSpan patience, DateTime deadline, string gap, Func<string?>? stopped, Func<string>? detail)
    {
        if (stopped?.Invoke() is { } reason)
            Assert.Fail($"Stopped waiting for {what}: {reason}; {gap}{More(detail)}");
        if (DateTime.UtcNow > deadline)
            Assert.Fail($"Timed out after {patience.TotalSeconds:0.#} s waiting for {what}; {gap}{More(detail)}");
    }

    private static string More(Func<string>? detail) => detail is null ? "" : Environment.NewLine + detail();
}
