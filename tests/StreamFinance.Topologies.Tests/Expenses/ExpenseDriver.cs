using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Expenses;
using StreamFinance.Kafka.Observability;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Topologies.Tests.Support;
using Streamiz.Kafka.Net.Mock;
using StreamFinance.Kafka;

namespace StreamFinance.Topologies.Tests.Expenses;

/// <summary>The expense topology in a test driver, loaded with <see cref="ExpenseWorld"/> and a clock at <see cref="ExpenseWorld.Today"/>.</summary>
internal sealed class ExpenseDriver : IDisposable
{
    private readonly TopologyHarness harness;
    private readonly TestInputTopic<string, MasterDataHistory> history;
    private readonly TestInputTopic<string, ExpenseLine> expenses;
    private readonly TestInputTopic<string, CardTransaction> cards;
    private readonly TestInputTopic<string, ApprovedExpense> purchases;
    private readonly TestOutputTopic<string, ApprovedExpense> approved;
    private readonly TestOutputTopic<string, DeadLetter> deadLetters;
    private readonly TestOutputTopic<string, AuditEvent> audit;
    private int stamped;

    /// <param name="configure">Changes to the default policy.</param>
    /// <param name="checkHorizonsOnEveryRecord">Run the horizon punctuators after every record (interval 10 ms, wait 20 ms before the record that should trigger them) instead of hourly.</param>
    public ExpenseDriver(Action<ExpenseOptions>? configure = null, bool checkHorizonsOnEveryRecord = false)
    {
        var options = ExpenseOptions.Default();
        options.DefaultTaxCodes["BH01"] = "BH-VAT10";
        configure?.Invoke(options);
        Options = options;
        harness = new TopologyHarness(new ExpenseTopology(), serDes => new TopologyContext(serDes, Clock) { Expenses = options });
        history = harness.Input(Topics.MasterDataHistory);
        expenses = harness.Input(Topics.Expenses);
        cards = harness.Input(Topics.CardTransactions);
        purchases = harness.RepartitionInput<ApprovedExpense>(ExpenseNames.CardPurchases);
        approved = harness.Output(Topics.ApprovedExpenses);
        deadLetters = harness.Output(Topics.ExpenseDeadLetters);
        audit = harness.Output(Topics.AuditEmitted);
        foreach (var (key, value) in ExpenseWorld.MasterData())
            history.PipeInput(key, value, Stamp());
    }

    /// <summary>
    /// The timestamp of the next record sent, a millisecond after the last, as a producer stamps each record: the
    /// driver numbers the records it forwards through a repartition topic from offset 0 again each time, so only
    /// their timestamps tell two coded card transactions apart there (see <see cref="DedupeEntry.IdentityOf"/>).
    /// </summary>
    private DateTime Stamp() => ExpenseWorld.Today.UtcDateTime.AddMilliseconds(++stamped);

    public FakeTimeProvider Clock { get; } = new(ExpenseWorld.Today);

    public ExpenseOptions Options { get; }

    /// <summary>The business metrics of this driver's topology (a registry of its own).</summary>
    public BusinessMetrics Metrics => harness.Context.BusinessMetrics;

    /// <summary>The expense topology's business metrics, read through the same definitions.</summary>
    public ExpenseMetrics ExpenseMetrics => new(Metrics);

    /// <summary>Moves the business clock past <c>Expenses:CardSpend:ReportLineWait</c> and lets one wait check of the card-purchase step pass.</summary>
    public void ReportLineWaitPasses()
    {
        Clock.Advance(Options.CardSpend.ReportLineWait + TimeSpan.FromSeconds(1));
        harness.AdvanceWallClock(Options.CardSpend.WaitCheckInterval);
    }

    /// <summary>Card transaction ids of the coded card transactions waiting for their report line.</summary>
    public IReadOnlyList<string> WaitingCodedCards() => harness.Store<ApprovedExpense>(ExpenseNames.CardSpendWaitStore).All().Select(e => e.Key).ToList();

    /// <summary>Lets the wall clock pass one master-data wait check, so the release punctuator runs.</summary>
    public void WaitCheckPasses() => harness.AdvanceWallClock(Options.MasterDataWaitCheckInterval);

    /// <summary>Moves the business clock by <paramref name="time"/>, then lets one wait check pass.</summary>
    public void TimePasses(TimeSpan time)
    {
        Clock.Advance(time);
        WaitCheckPasses();
    }

    /// <summary>Idempotency keys of the expense lines waiting for master data, in key order.</summary>
    public IReadOnlyList<string> Waiting() => harness.Store<HeldRecord>(ExpenseNames.MasterDataWaitStore).All().Select(e => e.Key).ToList();

    /// <summary>Moves the business clock by <paramref name="days"/> and the driver's wall clock past the hourly horizon checks.</summary>
    public void DaysPass(int days)
    {
        Clock.Advance(TimeSpan.FromDays(days));
        harness.AdvanceWallClock(TimeSpan.FromHours(2));
    }

    public void MasterData((string Key, MasterDataHistory History) record) => history.PipeInput(record.Key, record.History, Stamp());

    public void Send(ExpenseLine line) => expenses.PipeInput(line.expenseId, line, Stamp());

    public void Send(ExpenseLine line, Headers headers) => expenses.PipeInput(line.expenseId, line, Stamp(), headers);

    /// <summary>Sends <paramref name="line"/> as <c>dlq replay</c> would, with the replay header of <paramref name="attempt"/>.</summary>
    public void SendReplay(ExpenseLine line, int attempt) =>
        expenses.PipeInput(line.expenseId, line, Stamp(), new Headers { { RecordHeaders.ReplayAttempt, Encoding.UTF8.GetBytes(attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)) } });

    public void Send(CardTransaction card) => cards.PipeInput(card.transactionId, card, Stamp());

    /// <summary>A record without value (a tombstone) on <c>ingest.expenses</c>.</summary>
    public void SendExpenseTombstone(string key) => expenses.PipeInput(key, null!, Stamp());

    /// <summary>A record without value (a tombstone) on <c>ingest.card-transactions</c>.</summary>
    public void SendCardTombstone(string key) => cards.PipeInput(key, null!, Stamp());

    /// <summary>
    /// <paramref name="approval"/> again on the card-purchase repartition topic, keyed by its card transaction id, as the
    /// expense topology writes it when it decides a line again (a redo after a failure).
    /// </summary>
    public void RepeatApproval(ApprovedExpense approval) =>
        purchases.PipeInput(CardPurchaseId.Parse(approval.expense.cardTransactionId).TransactionId, approval, Stamp());

    /// <summary>The approved coded card transaction waiting for its report line under <paramref name="transactionId"/>.</summary>
    public ApprovedExpense? WaitingCodedCard(string transactionId) => harness.Store<ApprovedExpense>(ExpenseNames.CardSpendWaitStore).Get(transactionId);

    /// <summary>A record without value (a tombstone) on the card-purchase repartition topic.</summary>
    public void SendDocumentationTombstone(string cardTransactionId) => purchases.PipeInput(cardTransactionId, null!, Stamp());

    /// <summary>
    /// Re-submits a dead letter to its origin topic with a replay header, as <c>dlq replay</c> does: its raw bytes, read
    /// with the topic's SerDes (the driver takes one input topic per name, so the typed one).
    /// </summary>
    public void Replay(DeadLetter deadLetter, int attempt)
    {
        Assert.Equal(Topics.Expenses.Name, deadLetter.originTopic);
        var headers = new Headers { { RecordHeaders.ReplayAttempt, Encoding.UTF8.GetBytes(attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)) } };
        var line = harness.Context.SerDes.Avro<ExpenseLine>().Deserialize(deadLetter.rawValue, new SerializationContext(MessageComponentType.Value, Topics.Expenses.Name));
        expenses.PipeInput(Encoding.UTF8.GetString(deadLetter.rawKey), line, Stamp(), headers);
    }

    public List<ApprovedExpense> Approved() => approved.ReadValueList().ToList();

    /// <summary>The approved records written since the last read, with their headers.</summary>
    public List<Message<string, ApprovedExpense>> ApprovedRecords() => approved.ReadKeyValueList().Select(r => r.Message).ToList();

    public List<DeadLetter> DeadLetters() => deadLetters.ReadValueList().ToList();

    public ApprovedExpense ApprovedOne() => Assert.Single(Approved());

    /// <summary>The audit events written to <c>audit.emitted</c> since the last read, with their keys.</summary>
    public List<AuditEvent> Audit() => audit.ReadKeyValueList().Select(r =>
    {
        Assert.Equal(r.Message.Key, r.Message.Value.correlationId);
        return r.Message.Value;
    }).ToList();

    /// <summary>The SerDes the topology writes a topic's values with, to compare bytes with audit hashes.</summary>
    public byte[] Bytes<T>(Topic<string, T> topic, T value) where T : class, Avro.Specific.ISpecificRecord =>
        harness.Context.SerDes.Avro<T>().Serialize(value, new SerializationContext(MessageComponentType.Value, topic.Name));

    public DeadLetter DeadLetterOne() => Assert.Single(DeadLetters());

    public IReadOnlyList<string> HeldCards() => harness.Store<DeadLetter>(ExpenseNames.CardHoldStore).All().Select(e => e.Key).ToList();

    public string? DedupeEntry(string idempotencyKey) => harness.Store<string>(ExpenseNames.DedupeStore).Get(idempotencyKey);

    /// <summary>The outcome and first-seen day of a key, <c>Approved|2026-04-20</c> (without the deciding record); null when unknown.</summary>
    public string? DedupeOutcome(string idempotencyKey) =>
        DedupeEntry(idempotencyKey) is { } stored && Topologies.Expenses.DedupeEntry.Parse(stored) is var entry
            ? (entry with { DecidedBy = null, DecidedAt = null }).ToString()
            : null;

    public void Dispose() => harness.Dispose();
}
