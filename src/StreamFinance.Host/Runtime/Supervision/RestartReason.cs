namespace StreamFinance.Host.Runtime.Supervision;

/// <summary>Why a topology's stream was replaced; the <c>reason</c> label of <c>streamfinance_topology_restarts_total</c>.</summary>
public enum RestartReason
{
    /// <summary>The stream went to ERROR: every stream thread (or the global thread) died.</summary>
    Error,

    /// <summary>The stream runs with fewer stream threads alive than configured.</summary>
    DeadThreads,

    /// <summary>Records wait on its inputs and none was processed for <c>Observability:StallSeconds</c>.</summary>
    Stalled,

    /// <summary>The previous restart could not start a new stream.</summary>
    StartFailed,
}

/// <summary>Names of <see cref="RestartReason"/>s.</summary>
public static class RestartReasons
{
    /// <summary>All reasons, for publishing their series at zero.</summary>
    public static IReadOnlyList<RestartReason> All { get; } = Enum.GetValues<RestartReason>();

    /// <summary>The label value: <c>error</c>, <c>dead_threads</c>, <c>stalled</c>, <c>start_failed</c>.</summary>
    public static string Label(this RestartReason reason) => reason switch
    {
        RestartReason.Error => "error",
        RestartReason.DeadThreads => "dead_threads",
        RestartReason.Stalled => "stalled",
        RestartReason.StartFailed => "start_failed",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
