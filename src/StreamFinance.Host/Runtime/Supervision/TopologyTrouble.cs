namespace StreamFinance.Host.Runtime.Supervision;

/// <summary>Something wrong with a topology's stream that a new stream may cure.</summary>
/// <param name="Reason">What kind of trouble.</param>
/// <param name="Detail">What was seen, for the log line of the restart, e.g. <c>state ERROR</c> or the stall's description.</param>
public sealed record TopologyTrouble(RestartReason Reason, string Detail);
