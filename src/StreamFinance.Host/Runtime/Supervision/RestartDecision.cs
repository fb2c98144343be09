namespace StreamFinance.Host.Runtime.Supervision;

/// <summary>The supervisor's decision to replace a topology's stream now.</summary>
/// <param name="Trouble">Why.</param>
/// <param name="Attempt">The restart's number in a row (1 after a stable period), for the log.</param>
/// <param name="Waited">The delay that was waited since the trouble was seen.</param>
public sealed record RestartDecision(TopologyTrouble Trouble, int Attempt, TimeSpan Waited);
