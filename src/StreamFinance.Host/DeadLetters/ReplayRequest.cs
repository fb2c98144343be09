using StreamFinance.Contracts.Catalog;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Host.DeadLetters;

/// <summary>What <c>dlq replay</c> re-submits.</summary>
/// <param name="Topic">The dead-letter topic to read, e.g. <c>dlq.expenses</c>.</param>
/// <param name="Reason">Only dead letters with this reason code; null for all (default).</param>
/// <param name="Since">Only dead letters that failed at or after this instant; null reads the topic from the beginning (default).</param>
/// <param name="DryRun">List what would be replayed and produce nothing. Default false.</param>
public sealed record ReplayRequest(TopicSpec Topic, ReasonCode? Reason = null, DateTimeOffset? Since = null, bool DryRun = false);
