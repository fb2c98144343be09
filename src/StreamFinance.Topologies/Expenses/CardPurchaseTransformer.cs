using System.Globalization;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Observability;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// Card pairing, so that a card charge and the expense line that documents it post once: only expense lines post
/// (a line with <c>cardTransactionId</c> posts with <c>isCardCharge=true</c>); a card transaction never posts by itself.
/// It is held in <see cref="ExpenseNames.CardHoldStore"/> (gauge <c>streamfinance_expense_card_charges_held</c>) until an
/// approved line names it, which releases it (and remembers the id in <see cref="ExpenseNames.CardDocumentedStore"/>, so
/// a charge arriving after its line is released at once and a re-delivered one is dropped). A charge still held after
/// the documentation horizon is dead-lettered as <c>UNDOCUMENTED_CARD_CHARGE</c> for finance operations; replaying it
/// holds it again. So every card transaction ends documented, held or dead-lettered.
/// </summary>
public sealed class CardPairingTransformer : ITransformer<string, CardPairingEvent, string, DeadLetter>
{
    /// <summary>How often held charges and documented ids are checked against their horizons (wall clock). One hour.</summary>
    public static readonly TimeSpan ExpiryInterval = TimeSpan.FromHours(1);

    private readonly TimeProvider clock;
    private readonly int documentationDays;
    private readonly int rememberDays;
    private readonly ExpenseMetrics metrics;
    private ProcessorContext<string, DeadLetter>? context;
    private IKeyValueStore<string, DeadLetter>? holds;
    private IKeyValueStore<string, string>? documented;

    /// <summary>Streamiz's <c>Transformer&lt;T&gt;()</c> requires a parameterless constructor: default horizons (30 days) on the system clock, metrics served nowhere.</summary>
    public CardPairingTransformer()
        : this(TimeProvider.System, 30, 30, new ExpenseMetrics(BusinessMetrics.Detached()))
    {
    }

    /// <summary>The transformer Streamiz creates per task.</summary>
    /// <param name="clock">Time of holds and of the horizon checks.</param>
    /// <param name="documentationDays">Days a charge waits for its expense line.</param>
    /// <param name="rememberDays">Days a documented id is remembered (the dedupe horizon).</param>
    /// <param name="metrics">Where card transactions are counted by outcome.</param>
    public CardPairingTransformer(TimeProvider clock, int documentationDays, int rememberDays, ExpenseMetrics metrics)
    {
        this.metrics = metrics;
        this.clock = clock;
        this.documentationDays = documentationDays;
        this.rememberDays = rememberDays;
    }

    /// <inheritdoc />
    public void Init(ProcessorContext<string, DeadLetter> context)
    {
        this.context = context;
        holds = (IKeyValueStore<string, DeadLetter>)context.GetStateStore(ExpenseNames.CardHoldStore);
        documented = (IKeyValueStore<string, string>)context.GetStateStore(ExpenseNames.CardDocumentedStore);
        context.Schedule(ExpiryInterval, PunctuationType.PROCESSING_TIME, _ => Expire());
    }

    /// <inheritdoc />
    public Record<string, DeadLetter>? Process(Record<string, CardPairingEvent> record)
    {
        var held = holds ?? throw new InvalidOperationException($"{nameof(CardPairingTransformer)} processed a record before Init.");
        var transactionId = record.Key;
        var pairing = record.Value;
        if (pairing.DocumentingExpenseId is { } expenseId)
        {
            documented!.Put(transactionId, string.Create(CultureInfo.InvariantCulture, $"{Now:yyyy-MM-dd}|{expenseId}"));
            if (held.Get(transactionId) is not null)
            {
                held.Delete(transactionId);
                metrics.HeldChanged(-1);
                metrics.Card(ExpenseMetrics.Documented);
            }
            return null;
        }

        if (documented!.Get(transactionId) is not null)
            metrics.Card(ExpenseMetrics.Documented);
        else if (held.Get(transactionId) is not null)
            metrics.Card(ExpenseMetrics.Duplicate);
        else
        {
            var charge = pairing.Charge!;
            charge.failedAt = Now.UtcDateTime; // held since; rewritten when it expires
            held.Put(transactionId, charge);
            metrics.HeldChanged(1);
            metrics.Card(ExpenseMetrics.Held);
        }
        return null;
    }

    /// <inheritdoc />
    public void Close()
    {
    }

    /// <summary>Dead-letters the charges held longer than the documentation horizon; forgets documented ids older than the dedupe horizon.</summary>
    private void Expire()
    {
        var now = Now;
        var overdue = holds!.All().Where(h => h.Value is not null && new DateTimeOffset(DateTime.SpecifyKind(h.Value.failedAt, DateTimeKind.Utc)).AddDays(documentationDays) <= now).ToList();
        foreach (var (transactionId, charge) in overdue)
        {
            holds.Delete(transactionId);
            metrics.HeldChanged(-1);
            metrics.Card(ExpenseMetrics.Undocumented);
            var heldSince = DateOnly.FromDateTime(charge.failedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            charge.message = $"Card transaction {transactionId} has not been documented by an expense line (cardTransactionId {transactionId}) within {documentationDays} days of {heldSince}. {ReasonCode.UndocumentedCardCharge.Remedy}";
            charge.failedAt = now.UtcDateTime;
            context!.SetHeaders(DeadLetterHeaders.For(charge, null));
            context.Forward(transactionId, charge);
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var forgotten = documented!.All()
            .Where(d => d.Value is not null && DateOnly.ParseExact(d.Value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(rememberDays) <= today)
            .Select(d => d.Key).ToList();
        foreach (var transactionId in forgotten)
            documented.Delete(transactionId);
    }

    private DateTimeOffset Now => clock.GetUtcNow();
}
