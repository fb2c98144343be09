namespace StreamFinance.Host.Runtime;

/// <summary>Whether a topology is ready to process, and its state or why it is not.</summary>
public sealed record TopologyReadiness(bool Ready, string Detail);
