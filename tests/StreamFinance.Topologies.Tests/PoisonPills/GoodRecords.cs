using Avro.Specific;
using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Topologies.Tests.Audit;
using StreamFinance.Topologies.Tests.Expenses;
using StreamFinance.Topologies.Tests.MasterData;
using StreamFinance.Topologies.Tests.Posting;

namespace StreamFinance.Topologies.Tests.PoisonPills;

/// <summary>
/// A valid record for each input topic of the topologies, sent after a poison pill to show the topology still
/// processes. A topic a topology reads that has none here fails the poison-pill tests until one is added.
/// </summary>
internal static class GoodRecords
{
    private static readonly Dictionary<string, Func<SerDesFactory, (string Key, byte[] Value)>> ByTopic = new(StringComparer.Ordinal)
    {
        [Topics.MasterDataUpdates.Name] = serDes =>
            Bytes(serDes, Topics.MasterDataUpdates, "COST_CENTER:CC-GOOD", TestUpdates.CostCenter("CC-GOOD", CostCenterStatus.ACTIVE, TestUpdates.Day(2026, 1, 1))),
        [Topics.MasterDataHistory.Name] = serDes =>
            Bytes(serDes, Topics.MasterDataHistory, ExpenseWorld.CostCenterOpened("CC-GOOD").Key, ExpenseWorld.CostCenterOpened("CC-GOOD").History),
        [Topics.Expenses.Name] = serDes => Bytes(serDes, Topics.Expenses, "EXP-GOOD", ExpenseWorld.Expense("EXP-GOOD")),
        [Topics.CardTransactions.Name] = serDes => Bytes(serDes, Topics.CardTransactions, "T-GOOD", ExpenseWorld.Card("T-GOOD")),
        [Topics.ApprovedExpenses.Name] = serDes =>
            Bytes(serDes, Topics.ApprovedExpenses, "E-GOOD", TestApprovedExpenses.Us("E-GOOD", 5m, TestApprovedExpenses.TenOClock)),
        [Topics.PurchaseOrders.Name] = serDes => Bytes(serDes, Topics.PurchaseOrders, "PO-GOOD", Procurement.ProcurementWorld.Order("PO-GOOD")),
        [Topics.JournalPostings.Name] = serDes =>
            Bytes(serDes, Topics.JournalPostings, "JE-GOOD", Procurement.ProcurementDecisionTests.Journal("JE-GOOD", ("CC-2010", JournalSide.DEBIT, 10m), (null, JournalSide.CREDIT, 10m))),
        [Topics.AuditEmitted.Name] = serDes => Bytes(serDes, Topics.AuditEmitted, "c-good", TestAuditEvents.Emitted("c-good", "EXP-GOOD")),
        [Topics.AuditEvents.Name] = serDes => Bytes(serDes, Topics.AuditEvents, "c-good", TestAuditEvents.Chained("c-good", "approved")[0]),
    };

    /// <summary>The good record of <paramref name="topic"/>, as a producer writes it.</summary>
    public static (string Key, byte[] Value) For(string topic, SerDesFactory serDes)
    {
        Assert.True(ByTopic.TryGetValue(topic, out var record), $"A topology reads {topic}, which has no good record in {nameof(GoodRecords)}: add one.");
        return record(serDes);
    }

    private static (string, byte[]) Bytes<T>(SerDesFactory serDes, Topic<string, T> topic, string key, T value) where T : class, ISpecificRecord =>
        (key, serDes.Avro<T>().Serialize(value, new SerializationContext(MessageComponentType.Value, topic.Name)));
}
