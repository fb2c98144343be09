using System.Globalization;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData.History;
using StreamFinance.Domain.MasterData.Ownership;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// The logic of the apply step, free of Kafka: checks ownership (<see cref="MasterDataOwnership"/>), then adds the update
/// as the version of its effective date (replacing a version of the same date), prunes with the retention policy as seen
/// today, and says whether anything changed. A version already held with the same content (ignoring the envelope) is a
/// re-delivery: <see cref="HistoryChange.IsNewVersion"/> is false and the stored history is left as it was.
/// </summary>
public sealed class HistoryApplier(SystemOfRecordTable table, HistoryRetentionPolicy retention)
{
    private readonly MasterDataOwnership ownership = new(table);

    /// <summary>The change <paramref name="update"/> makes to <paramref name="current"/> (null for a new object), or the ownership failure.</summary>
    public ProcessingOutcome<HistoryChange> Apply(MasterDataHistory? current, MasterDataUpdate update, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(update);
        var history = current.ToEffectiveDated();
        var check = ownership.Check(update, history);
        if (!check.Decision.IsAllowed)
            return Refusal(check.Decision, update);

        var accepted = check.Accepted;
        var date = DateOnly.FromDateTime(accepted.effectiveDate);
        var deleted = accepted.operation == MasterDataOperation.DELETE;
        var held = history.Versions.FirstOrDefault(v => v.EffectiveFrom == date);
        if (held is not null && held.IsDeleted == deleted && (deleted || AvroContent.SameContent(held.Value.payload, accepted.payload)))
            return new HistoryChange(accepted, current!, IsNewVersion: false, LatestChanged: false);

        var applied = history.Apply(new EffectiveDatedVersion<MasterDataUpdate>(date, accepted, deleted)).Prune(retention, today);
        var latestChanged = !ReferenceEquals(applied.Latest, history.Latest);
        return new HistoryChange(accepted, applied.ToRecord(accepted.objectType, accepted.businessKey), IsNewVersion: true, latestChanged);
    }

    private static Failure Refusal(OwnershipDecision decision, MasterDataUpdate update)
    {
        var problem = decision.Problem!;
        var context = string.Create(CultureInfo.InvariantCulture,
            $" Update of {update.objectType} '{update.businessKey}' effective {update.effectiveDate:yyyy-MM-dd}; field groups refused: {string.Join(", ", decision.ViolatedGroups)}.");
        return new Failure(ReasonCode.Parse(problem.ReasonCode), problem.Message + context)
        {
            CorrelationId = update.envelope?.correlationId,
            IdempotencyKey = update.envelope?.idempotencyKey,
        };
    }
}
