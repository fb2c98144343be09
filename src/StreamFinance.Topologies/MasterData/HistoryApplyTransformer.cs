using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData.History;
using StreamFinance.Domain.MasterData.Ownership;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Observability;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// The stateful apply step (Streamiz transformer over the <see cref="MasterDataNames.HistoryStore"/> store): reads the
/// object's history, lets <see cref="HistoryApplier"/> decide, stores the new history and passes on an
/// <see cref="ApplyResult"/> (with the record's headers, for lineage and dead letters). Counts every outcome in its
/// <see cref="MasterDataMetrics"/>. Streamiz creates one instance per task from <see cref="HistoryApplyStep"/>'s parameters.
/// </summary>
public sealed class HistoryApplyTransformer : ITransformer<string, MasterDataUpdate, string, ApplyResult>
{
    private readonly HistoryApplier applier;
    private readonly TimeProvider clock;
    private readonly MasterDataMetrics metrics;
    private IKeyValueStore<string, MasterDataHistory>? store;

    /// <summary>
    /// Streamiz's <c>Transformer&lt;T&gt;()</c> requires a parameterless constructor: the default system-of-record table
    /// and retention on the system clock, metrics served nowhere.
    /// </summary>
    public HistoryApplyTransformer()
        : this(new HistoryApplier(SystemOfRecordTable.Default, new HistoryRetentionPolicy()), TimeProvider.System, new MasterDataMetrics(BusinessMetrics.Detached()))
    {
    }

    /// <summary>The transformer Streamiz creates per task.</summary>
    /// <param name="applier">Decides what an update does to its object's history.</param>
    /// <param name="clock">Today, for the history's retention.</param>
    /// <param name="metrics">Where every update is counted by outcome.</param>
    public HistoryApplyTransformer(HistoryApplier applier, TimeProvider clock, MasterDataMetrics metrics)
    {
        this.applier = applier;
        this.clock = clock;
        this.metrics = metrics;
    }

    /// <inheritdoc />
    public void Init(ProcessorContext<string, ApplyResult> context) =>
        store = (IKeyValueStore<string, MasterDataHistory>)context.GetStateStore(MasterDataNames.HistoryStore);

    /// <inheritdoc />
    public Record<string, ApplyResult> Process(Record<string, MasterDataUpdate> record)
    {
        var histories = store ?? throw new InvalidOperationException($"{nameof(HistoryApplyTransformer)} processed a record before Init.");
        var update = record.Value;
        var outcome = applier.Apply(histories.Get(record.Key), update, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (outcome.IsOk && outcome.Value.IsNewVersion)
            histories.Put(record.Key, outcome.Value.History);
        metrics.Count(update.objectType, OutcomeLabel(outcome));
        return Record<string, ApplyResult>.Create(record.Key, new ApplyResult(update, outcome), record.Headers);
    }

    /// <inheritdoc />
    public void Close()
    {
    }

    private static string OutcomeLabel(ProcessingOutcome<HistoryChange> outcome) =>
        !outcome.IsOk ? MasterDataMetrics.Rejected : outcome.Value.IsNewVersion ? MasterDataMetrics.Applied : MasterDataMetrics.Unchanged;
}
