using Avro.Specific;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.Stream;
using StreamFinance.Kafka;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// Step 3: the canonical compacted topics (<c>md.cost-centers</c>, <c>md.fx-rates</c>, ...), keyed by business key.
/// Each holds the object's <em>latest version by effective date</em>, re-emitted whenever that version changes; a
/// back-dated correction of an older version changes only <c>md.history</c>. A future-dated version appears here as soon as
/// it is accepted, with its effective date in the record: consumers that need the state on a given date read
/// <c>md.history</c> (<see cref="MasterDataHistoryExtensions.AsOf"/>). A deactivation is an ordinary version whose record
/// carries the inactive status and its effective date; only a true DELETE writes a tombstone (null value) for the key.
/// Suppliers are not written here: <c>md.suppliers</c> carries golden records (<see cref="SupplierMasteringStep"/>).
/// </summary>
public static class CanonicalTopicsStep
{
    private static readonly IReadOnlyList<CanonicalOutput> Outputs =
    [
        Output(MasterDataObjectType.COST_CENTER, Topics.CostCenters),
        Output(MasterDataObjectType.PROJECT, Topics.Projects),
        Output(MasterDataObjectType.GL_ACCOUNT, Topics.GlAccounts),
        Output(MasterDataObjectType.TAX_CODE, Topics.TaxCodes),
        Output(MasterDataObjectType.LEGAL_ENTITY, Topics.LegalEntities),
        Output(MasterDataObjectType.EMPLOYEE, Topics.Employees),
        Output(MasterDataObjectType.EXCHANGE_RATE, Topics.FxRates),
        Output(MasterDataObjectType.ACCOUNTING_PERIOD, Topics.AccountingPeriods),
        Output(MasterDataObjectType.BUDGET, Topics.Budgets),
        Output(MasterDataObjectType.EXPENSE_CATEGORY, Topics.ExpenseCategories),
        Output(MasterDataObjectType.ITEM_CATEGORY, Topics.ItemCategories),
    ];

    /// <summary>The canonical topics this step writes.</summary>
    public static IReadOnlyList<TopicSpec> CanonicalTopics { get; } = Outputs.Select(o => o.Topic).ToList();

    /// <summary>Adds the step after <paramref name="changes"/> (changes of any object type; suppliers are skipped).</summary>
    public static void Apply(IKStream<string, HistoryChange> changes, TopologyContext context)
    {
        var branches = changes
            .Filter((_, change, _) => change.LatestChanged && change.Update.objectType != MasterDataObjectType.SUPPLIER, MasterDataNames.LatestChanged)
            .Branch(MasterDataNames.Canonical, Outputs.Select(IsOfType).ToArray());
        for (var i = 0; i < Outputs.Count; i++)
            Outputs[i].Write(branches[i], context);
    }

    private static Func<string, HistoryChange, IRecordContext, bool> IsOfType(CanonicalOutput output) =>
        (_, change, _) => change.Update.objectType == output.Type;

    private static CanonicalOutput Output<T>(MasterDataObjectType type, Topic<string, T> topic) where T : class, ISpecificRecord =>
        new(type, topic, (stream, context) => stream
            .Map((_, change, _) => KeyValuePair.Create(change.Update.businessKey, LatestValue<T>(change.History)), $"{MasterDataNames.Canonical}.{topic.Name}")
            .CountProduced(context.Metrics, topic.Name)
            .To(topic.Name, SerDesFactory.Key(), context.SerDes.Avro<T>(), $"{MasterDataNames.Canonical}.{topic.Name}-sink"));

    /// <summary>The latest version's payload, or null (a tombstone) when that version is a true delete.</summary>
    private static T LatestValue<T>(MasterDataHistory history) where T : class =>
        history.Latest() is { deleted: false } latest ? (T)latest.update.payload : null!;

    private sealed record CanonicalOutput(MasterDataObjectType Type, TopicSpec Topic, Action<IKStream<string, HistoryChange>, TopologyContext> Write);
}
