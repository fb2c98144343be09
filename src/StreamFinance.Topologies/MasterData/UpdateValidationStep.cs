using StreamFinance.Contracts.MasterData;
using StreamFinance.Kafka.DeadLetters;
using Streamiz.Kafka.Net.Stream;
using StreamFinance.Kafka;

namespace StreamFinance.Topologies.MasterData;

/// <summary>Step 1: bad input (<see cref="MasterDataUpdateValidator"/>) to <c>dlq.master-data</c> with its reason; valid updates continue.</summary>
public static class UpdateValidationStep
{
    /// <summary>Adds the step after <paramref name="updates"/>; returns the valid updates, still keyed <c>TYPE:businessKey</c>.</summary>
    public static IKStream<string, MasterDataUpdate> Apply(IKStream<string, MasterDataUpdate> updates, TopologyContext context, IStreamTopology topology)
    {
        var validator = new MasterDataUpdateValidator(context.MasterData.EffectiveDates, context.Clock);
        var metrics = new MasterDataMetrics(context.BusinessMetrics);
        return updates.RouteFailures(MasterDataNames.Validate, context.SerDes.Avro<MasterDataUpdate>(), context.DeadLettersTo(topology), Validate);

        ProcessingOutcome<MasterDataUpdate> Validate(string key, MasterDataUpdate update)
        {
            var outcome = validator.Validate(key, update);
            if (!outcome.IsOk && update is not null)
                metrics.Count(update.objectType, MasterDataMetrics.Rejected);
            return outcome;
        }
    }
}
