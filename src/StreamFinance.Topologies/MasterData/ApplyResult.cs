using StreamFinance.Contracts.MasterData;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// The apply step's result for one update: the update as received (kept so a dead letter can carry its bytes) and the
/// outcome, a <see cref="HistoryChange"/> or the ownership <see cref="Failure"/>. Travels between processors of one task,
/// never serialized.
/// </summary>
/// <param name="Received">The update as read from <c>md.updates</c>.</param>
/// <param name="Outcome">The change, or why the update is dead-lettered.</param>
public sealed record ApplyResult(MasterDataUpdate Received, ProcessingOutcome<HistoryChange> Outcome);
