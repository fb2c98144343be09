using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Procurement;
using StreamFinance.Kafka;
using StreamFinance.Kafka.Observability;
using StreamFinance.Topologies.Procurement;
using StreamFinance.Topologies.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Streamiz.Kafka.Net.Mock;

namespace StreamFinance.Topologies.Tests.Procurement;

/// <summary>The procurement topology in a test driver, loaded with <see cref="ProcurementWorld"/> and a clock at 2026-04-20.</summary>
internal sealed class ProcurementDriver : IDisposable
{
    private readonly TopologyHarness harness;
    private readonly TestInputTopic<string, MasterDataHistory> history;
    private readonly TestInputTopic<string, PurchaseOrder> orders;
    private readonly TestInputTopic<string, JournalEntry> journals;
    private readonly TestOutputTopic<string, Commitment> commitments;
    private readonly TestOutputTopic<string, PurchaseOrderHold> holds;
    private readonly TestOutputTopic<string, StatusUpdate> statuses;
    private readonly TestOutputTopic<string, DeadLetter> deadLetters;
    private readonly TestOutputTopic<string, AuditEvent> audit;
    private readonly Dictionary<string, PurchaseOrderHold> heldNow = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StatusUpdate> statusNow = new(StringComparer.Ordinal);

    public ProcurementDriver(bool loadWorld = true)
    {
        harness = new TopologyHarness(new ProcurementTopology(), serDes => new TopologyContext(serDes, Clock) { Procurement = Options });
        history = harness.Input(Topics.MasterDataHistory);
        orders = harness.Input(Topics.PurchaseOrders);
        journals = harness.Input(Topics.JournalPostings);
        commitments = harness.Output(Topics.Commitments);
        holds = harness.Output(Topics.PurchaseOrdersHeld);
        statuses = harness.Output(Topics.PurchaseOrderStatus);
        deadLetters = harness.Output(Topics.ProcurementDeadLetters);
        audit = harness.Output(Topics.AuditEmitted);
        if (loadWorld)
            foreach (var (key, value) in ProcurementWorld.MasterData())
                history.PipeInput(key, value);
    }

    public FakeTimeProvider Clock { get; } = new(Expenses.ExpenseWorld.Today);

    public ProcurementOptions Options { get; } = ProcurementOptions.Default();

    public BusinessMetrics Metrics => harness.Context.BusinessMetrics;

    public void MasterData((string Key, MasterDataHistory History) record) => history.PipeInput(record.Key, record.History);

    /// <summary>Master data changes, then one hold check passes on the wall clock.</summary>
    public void MasterDataChanges((string Key, MasterDataHistory History) record)
    {
        MasterData(record);
        harness.AdvanceWallClock(Options.HoldCheckInterval);
    }

    /// <summary>One hold check passes on the wall clock (the held-now gauges are counted, held orders looked at again after a master-data change).</summary>
    public void HoldCheckPasses() => harness.AdvanceWallClock(Options.HoldCheckInterval);

    /// <summary>Sends an order as a connector does, keyed by its PO number.</summary>
    public void Send(PurchaseOrder order) => orders.PipeInput(order.poNumber, order);

    public void Send(JournalEntry journal) => journals.PipeInput(journal.reconciliationId, journal);

    /// <summary>Commitments written since the last read, in order.</summary>
    public List<KeyValuePair<string, Commitment>> Commitments() =>
        commitments.ReadKeyValueList().Select(r => KeyValuePair.Create(r.Message.Key, r.Message.Value)).ToList();

    /// <summary>Hold records written since the last read (a null value is a tombstone), in order; also kept in <see cref="HeldNow"/>.</summary>
    public List<KeyValuePair<string, PurchaseOrderHold?>> Holds()
    {
        var read = holds.ReadKeyValueList().Select(r => KeyValuePair.Create(r.Message.Key, (PurchaseOrderHold?)r.Message.Value)).ToList();
        foreach (var (key, value) in read)
            if (value is null)
                heldNow.Remove(key);
            else
                heldNow[key] = value;
        return read;
    }

    /// <summary>The orders on hold as the compacted topic says now (reads what was written since the last read).</summary>
    public IReadOnlyDictionary<string, PurchaseOrderHold> HeldNow()
    {
        Holds();
        return heldNow;
    }

    /// <summary>The latest status per order (reads what was written since the last read).</summary>
    public IReadOnlyDictionary<string, StatusUpdate> StatusNow()
    {
        foreach (var record in statuses.ReadKeyValueList())
            statusNow[record.Message.Key] = record.Message.Value;
        return statusNow;
    }

    public List<DeadLetter> DeadLetters() => deadLetters.ReadValueList().ToList();

    public List<AuditEvent> Audit() => audit.ReadValueList().ToList();

    /// <summary>Open commitments on a budget key, as the decide step keeps them.</summary>
    public decimal Committed(string budgetKey) => harness.Store<Money>(ProcurementNames.CommittedStore).Get(budgetKey)?.ToDecimal() ?? 0m;

    /// <summary>Actuals on a budget key.</summary>
    public decimal Actual(string budgetKey) => harness.Store<Money>(ProcurementNames.ActualStore).Get(budgetKey)?.ToDecimal() ?? 0m;

    /// <summary>Hold store keys, oldest first.</summary>
    public IReadOnlyList<string> HoldKeys() => harness.Store<HeldRecord>(ProcurementNames.HoldStore).All().Select(e => e.Key).ToList();

    public void Dispose() => harness.Dispose();
}
