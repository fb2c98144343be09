using StreamFinance.Host.Runtime;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.IntegrationTests.EndToEnd;

/// <summary>
/// Polls a condition over what a read returns, every 500 ms, until it holds (<see cref="Wait"/>); fails with a message
/// naming what was awaited and what was missing when the patience runs out, or at once when one of the running topologies stopped.
/// </summary>
public sealed class PipelineWait(IReadOnlyList<TopologyService> topologies)
{
    /// <summary>Reads until <paramref name="missing"/> returns null (nothing missing); returns the last read.</summary>
    /// <param name="what">What is awaited, for the failure message, e.g. <c>journals for every approved expense</c>.</param>
    /// <param name="patience">How long to keep polling.</param>
    /// <param name="read">Reads the current state (e.g. a whole topic).</param>
    /// <param name="missing">What is still missing in a read, or null when the condition holds.</param>
    public T Until<T>(string what, TimeSpan patience, Func<T> read, Func<T, string?> missing) =>
        Wait.UntilNoneMissing(what, patience, read, missing, TimeSpan.FromMilliseconds(500),
            () => topologies.FirstOrDefault(t => t.State is "ERROR" or "PENDING_SHUTDOWN" or "NOT_RUNNING") is { } stopped
                ? $"topology '{stopped.Topology.Name}' is {stopped.State}"
                : null);
}
