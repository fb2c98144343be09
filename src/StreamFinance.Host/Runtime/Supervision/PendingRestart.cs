namespace StreamFinance.Host.Runtime.Supervision;

/// <summary>A restart the supervisor has decided on and waits to do until its delay has passed.</summary>
/// <param name="Trouble">Why.</param>
/// <param name="Attempt">The restart's number in a row.</param>
/// <param name="Due">When it will be done if the trouble lasts.</param>
public sealed record PendingRestart(TopologyTrouble Trouble, int Attempt, DateTimeOffset Due);
