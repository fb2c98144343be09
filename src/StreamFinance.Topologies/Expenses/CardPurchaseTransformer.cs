using System.Globalization;
using System.Text;
using Confluent.Kafka;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Expenses;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.State;
using Streamiz.Kafka.Net.Processors;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// One posting per card purchase, in any arrival order. Keyed by card transaction id, it sees both sides of a purchase:
/// the expense-report line that names it, and the card transaction (uncoded, as a charge; coded, as the approved line
/// it was made into). Exactly one approved side posts (is forwarded to <c>expense.approved</c>); the other ends as
/// merged, or as <c>CARD_EXPENSE_CONFLICT</c> when it arrives after the purchase posted and disagrees with what posted.
/// </summary>
/// <remarks>
/// <para>Stores: <see cref="ExpenseNames.CardHoldStore"/> (uncoded charges waiting for their line, dead-lettered as
/// <c>UNDOCUMENTED_CARD_CHARGE</c> after <see cref="ExpenseOptions.CardDocumentationHorizonDays"/>),
/// <see cref="ExpenseNames.CardSpendWaitStore"/> (coded card transactions waiting up to
/// <see cref="CardSpendOptions.ReportLineWait"/> for their report line) and <see cref="ExpenseNames.CardPurchaseStore"/>
/// (the side that posted, remembered for <see cref="ExpenseOptions.DedupeHorizonDays"/>).</para>
/// <para>Precedence: the report line wins unless <see cref="CardSpendOptions.PostsOverReport"/> names the card's source.
/// Before anything posted, the winner posts and the other side is merged, whatever their values (the winner is the
/// system of record for coding). After one side posted, a later side is merged when its values agree
/// (<see cref="CardPurchaseValues"/>) or when what posted is the winner; otherwise it is a conflict naming both values.
/// A second report line naming a purchase whose report line posted is a conflict too: a purchase posts once.</para>
/// <para>Repeats: the same approved side again (same expense id, same values: the expense topology decides a line again
/// when it reads it again after a failure) is a duplicate whatever the purchase's state. When it is the side that
/// posted, its approval is forwarded again, byte for byte (same deterministic event id; the posting topology takes an
/// expense id once), because the first forward may have been lost with the failed task while this store kept the
/// purchase as posted. A merged side is remembered under <c>{cardTransactionId}|{expenseId}</c> in the same store, for
/// the same horizon, so that its repeat is not merged twice.</para>
/// </remarks>
public sealed class CardPurchaseTransformer : ITransformer<string, CardPurchaseEvent, string, CardPurchaseOutcome>
{
    private readonly TimeProvider clock;
    private readonly ExpenseOptions options;
    private readonly ExpenseMetrics metrics;
    private readonly DeadLetterFactory deadLetters;
    private readonly ISerDes<ApprovedExpense>? approvedSerDes;
    private readonly StoreRestorations? restorations;
    private TaskRestoration? restoration;
    private ProcessorContext<string, CardPurchaseOutcome>? context;
    private IKeyValueStore<string, DeadLetter>? holds;
    private IKeyValueStore<string, ApprovedExpense>? waits;
    private IKeyValueStore<string, ApprovedExpense>? posted;

    /// <summary>Streamiz's <c>Transformer&lt;T&gt;()</c> requires a parameterless constructor: default options on the system clock, metrics served nowhere, conflicts without raw bytes.</summary>
    public CardPurchaseTransformer()
        : this(TimeProvider.System, ExpenseOptions.Default(), new ExpenseMetrics(BusinessMetrics.Detached()), DeadLetterFactory.System, null, null)
    {
    }

    /// <summary>The transformer Streamiz creates per task.</summary>
    /// <param name="clock">Time of holds, waits and horizons.</param>
    /// <param name="options">The horizons and <see cref="ExpenseOptions.CardSpend"/>.</param>
    /// <param name="metrics">Where card transactions and purchase sides are counted by outcome.</param>
    /// <param name="deadLetters">Makes the dead letter of a conflict.</param>
    /// <param name="approvedSerDes">The SerDes of the purchase repartition topic, for a conflict's raw bytes.</param>
    /// <param name="restorations">The stream's restorations: the punctuators expire and release nothing while the task's stores restore. Null: nothing restores (a test driver).</param>
    public CardPurchaseTransformer(TimeProvider clock, ExpenseOptions options, ExpenseMetrics metrics, DeadLetterFactory deadLetters, ISerDes<ApprovedExpense>? approvedSerDes,
        StoreRestorations? restorations)
    {
        this.restorations = restorations;
        this.clock = clock;
        this.options = options;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.approvedSerDes = approvedSerDes;
    }

    /// <inheritdoc />
    public void Init(ProcessorContext<string, CardPurchaseOutcome> context)
    {
        this.context = context;
        holds = (IKeyValueStore<string, DeadLetter>)context.GetStateStore(ExpenseNames.CardHoldStore);
        waits = (IKeyValueStore<string, ApprovedExpense>)context.GetStateStore(ExpenseNames.CardSpendWaitStore);
        posted = (IKeyValueStore<string, ApprovedExpense>)context.GetStateStore(ExpenseNames.CardPurchaseStore);
        // Wall-clock cadences; the horizons and waits themselves are measured on the topology's clock. Punctuated only once
        // the stores are restored, so that nothing is expired or released from part of them.
        restoration = TaskRestoration.For(context, restorations, ExpenseNames.CardHoldStore, ExpenseNames.CardSpendWaitStore, ExpenseNames.CardPurchaseStore);
        restoration.Schedule(context, options.CardDocumentationCheckInterval, Expire);
        restoration.Schedule(context, options.CardSpend.WaitCheckInterval, ReleaseWaited);
    }

    /// <inheritdoc />
    public Record<string, CardPurchaseOutcome>? Process(Record<string, CardPurchaseEvent> record)
    {
        if (holds is null)
            throw new InvalidOperationException($"{nameof(CardPurchaseTransformer)} processed a record before Init.");
        restoration?.RecordArrived();
        return record.Value.Approved is { } approved
            ? (approved.expense.codedCardTransaction == true ? CodedCard(record, approved) : ReportLine(record, approved))
            : Charge(record, record.Value.Charge!);
    }

    /// <summary>An uncoded charge: held until a line documents it, unless its purchase is known already.</summary>
    private Record<string, CardPurchaseOutcome> Charge(Record<string, CardPurchaseEvent> record, DeadLetter charge)
    {
        var transactionId = record.Key;
        AuditFact fact;
        if (posted!.Get(transactionId) is { } done)
        {
            var coded = done.expense.codedCardTransaction == true;
            metrics.Card(coded ? ExpenseMetrics.Duplicate : ExpenseMetrics.Documented);
            fact = coded
                ? ChargeFact(charge, AuditSteps.Deduplicated, AuditOutcome.DUPLICATE_IGNORED, $"its coded delivery {done.expense.expenseId} already posted")
                : ChargeFact(charge, AuditSteps.Merged, AuditOutcome.SUCCEEDED, $"documented by expense line {done.expense.expenseId}, which posted", done.expense.expenseId);
        }
        else if (waits!.Get(transactionId) is not null || holds!.Get(transactionId) is not null)
        {
            metrics.Card(ExpenseMetrics.Duplicate);
            fact = ChargeFact(charge, AuditSteps.Deduplicated, AuditOutcome.DUPLICATE_IGNORED, "the card transaction is already held");
        }
        else
        {
            charge.failedAt = Now.UtcDateTime; // held since; rewritten when it expires
            holds!.Put(transactionId, charge);
            metrics.HeldChanged(1);
            metrics.Card(ExpenseMetrics.Held);
            fact = ChargeFact(charge, AuditSteps.Held, AuditOutcome.HELD, $"waiting for the expense line that documents it (cardTransactionId {transactionId})");
        }
        return Record<string, CardPurchaseOutcome>.Create(transactionId, CardPurchaseOutcome.Record(fact), record.Headers);
    }

    /// <summary>An approved expense-report line naming a card purchase.</summary>
    private Record<string, CardPurchaseOutcome>? ReportLine(Record<string, CardPurchaseEvent> record, ApprovedExpense line)
    {
        const string side = ExpenseMetrics.ReportLineSide;
        var transactionId = record.Key;
        if (Repeat(record, side, line) is { } repeat)
            return repeat;
        var id = CardPurchaseId.Parse(line.expense.cardTransactionId);
        if (posted!.Get(transactionId) is { } done)
        {
            if (!id.Matches(PurchaseOf(done)))
                return Conflict(record, line, done, [$"provider: the line names {id}, the purchase that posted is {PurchaseOf(done)}"]);
            if (done.expense.codedCardTransaction != true)
                return done.expense.expenseId == line.expense.expenseId
                    ? Count(record, side, ExpenseMetrics.Duplicate, SideFact(record, line, AuditSteps.Deduplicated, AuditOutcome.DUPLICATE_IGNORED, "the expense line already posted"))
                    : Conflict(record, line, done, [$"expense line {done.expense.expenseId} already documents card transaction {id}"]);
            var differences = CardPurchaseValues.Of(done).Differences(CardPurchaseValues.Of(line));
            return differences.Count == 0 || options.CardSpend.CardWins(done.expense.envelope.sourceSystem)
                ? Count(record, side, ExpenseMetrics.Merged, MergedFact(record, Merged(transactionId, line), done))
                : Conflict(record, line, done, differences);
        }

        if (waits!.Get(transactionId) is { } waiting)
        {
            if (!id.Matches(PurchaseOf(waiting)))
                return Conflict(record, line, waiting, [$"provider: the line names {id}, the waiting card transaction is {PurchaseOf(waiting)}"]);
            // The report line wins (a coded card waits only then): it posts, the card transaction is merged into it.
            waits.Delete(transactionId);
            metrics.HeldChanged(-1);
            metrics.Purchase(ExpenseMetrics.CardSide, ExpenseMetrics.Merged);
            return Post(transactionId, line, record.Headers, MergedFact(record, Merged(transactionId, waiting), line));
        }
        if (holds!.Get(transactionId) is { } charge)
        {
            holds.Delete(transactionId);
            metrics.HeldChanged(-1);
            metrics.Card(ExpenseMetrics.Documented);
            return Post(transactionId, line, record.Headers, ChargeFact(charge, AuditSteps.Merged, AuditOutcome.SUCCEEDED, $"documented by expense line {line.expense.expenseId}, which posts", line.expense.expenseId));
        }
        return Post(transactionId, line, record.Headers);
    }

    /// <summary>An approved, fully coded card transaction.</summary>
    private Record<string, CardPurchaseOutcome>? CodedCard(Record<string, CardPurchaseEvent> record, ApprovedExpense card)
    {
        const string side = ExpenseMetrics.CardSide;
        var transactionId = record.Key;
        if (Repeat(record, side, card) is { } repeat)
            return repeat;
        var documented = new List<AuditFact>();
        if (holds!.Get(transactionId) is { } charge)
        {
            // The same card transaction arrived uncoded before: its coded delivery documents it.
            holds.Delete(transactionId);
            metrics.HeldChanged(-1);
            metrics.Card(ExpenseMetrics.Documented);
            documented.Add(ChargeFact(charge, AuditSteps.Merged, AuditOutcome.SUCCEEDED, $"documented by its coded delivery {card.expense.expenseId}", card.expense.expenseId));
        }

        if (posted!.Get(transactionId) is { } done)
        {
            if (!PurchaseOf(card).Matches(PurchaseOf(done)))
                return Conflict(record, card, done, [$"provider: the card transaction is {PurchaseOf(card)}, the purchase that posted is {PurchaseOf(done)}"]);
            var differences = CardPurchaseValues.Of(done).Differences(CardPurchaseValues.Of(card));
            if (done.expense.codedCardTransaction == true)
                return differences.Count == 0
                    ? Count(record, side, ExpenseMetrics.Duplicate, SideFact(record, card, AuditSteps.Deduplicated, AuditOutcome.DUPLICATE_IGNORED, "the coded card transaction already posted"))
                    : Conflict(record, card, done, differences);
            return differences.Count == 0 || !options.CardSpend.CardWins(card.expense.envelope.sourceSystem)
                ? Count(record, side, ExpenseMetrics.Merged, MergedFact(record, Merged(transactionId, card), done))
                : Conflict(record, card, done, differences);
        }

        if (waits!.Get(transactionId) is not null)
        {
            // Re-coded while waiting: the latest coding waits instead (the wait starts again).
            waits.Put(transactionId, card);
            return Count(record, side, ExpenseMetrics.Duplicate, SideFact(record, card, AuditSteps.Deduplicated, AuditOutcome.DUPLICATE_IGNORED, "re-coded while waiting for its report line: the latest coding waits"));
        }
        if (options.CardSpend.CardWins(card.expense.envelope.sourceSystem) || options.CardSpend.ReportLineWait <= TimeSpan.Zero)
            return Post(transactionId, card, record.Headers, [.. documented]);
        waits.Put(transactionId, card);
        metrics.HeldChanged(1);
        return Count(record, side, ExpenseMetrics.Waiting, [.. documented, SideFact(record, card, AuditSteps.Held, AuditOutcome.HELD, $"waiting up to {options.CardSpend.ReportLineWait:c} for the report line that names it")]);
    }

    /// <summary>
    /// The same side again (see the remarks): counted as a duplicate; the approval forwarded again when it is the side
    /// that posted. Null when <paramref name="approved"/> is not a side already decided with these values.
    /// </summary>
    private Record<string, CardPurchaseOutcome>? Repeat(Record<string, CardPurchaseEvent> record, string side, ApprovedExpense approved)
    {
        var transactionId = record.Key;
        var expenseId = approved.expense.expenseId;
        if (posted!.Get(transactionId) is { } done && done.expense.expenseId == expenseId && Same(done, approved))
        {
            metrics.Purchase(side, ExpenseMetrics.Duplicate);
            var fact = SideFact(record, approved, AuditSteps.Deduplicated, AuditOutcome.DUPLICATE_IGNORED, $"{expenseId} already posted the purchase: its approval is written again, the same record, which posting takes once");
            return Record<string, CardPurchaseOutcome>.Create(expenseId, CardPurchaseOutcome.Post(done, fact), record.Headers);
        }
        return posted.Get(MergedKey(transactionId, expenseId)) is { } merged && Same(merged, approved)
            ? Count(record, side, ExpenseMetrics.Duplicate, SideFact(record, approved, AuditSteps.Deduplicated, AuditOutcome.DUPLICATE_IGNORED, $"{expenseId} was already merged into the purchase"))
            : null;
    }

    private static bool Same(ApprovedExpense decided, ApprovedExpense again) => CardPurchaseValues.Of(decided).Differences(CardPurchaseValues.Of(again)).Count == 0;

    /// <summary>Remembers <paramref name="side"/> as merged into its purchase, so that its repeat is a duplicate; returns it.</summary>
    private ApprovedExpense Merged(string transactionId, ApprovedExpense side)
    {
        posted!.Put(MergedKey(transactionId, side.expense.expenseId), side);
        return side;
    }

    private static string MergedKey(string transactionId, string expenseId) => $"{transactionId}|{expenseId}";

    /// <summary>Remembers <paramref name="approved"/> as the side that posted and forwards it, keyed by its expense id.</summary>
    private Record<string, CardPurchaseOutcome> Post(string transactionId, ApprovedExpense approved, Headers? headers, params IReadOnlyList<AuditFact> recorded)
    {
        posted!.Put(transactionId, approved);
        metrics.Purchase(SideOf(approved), ExpenseMetrics.Posted);
        return Record<string, CardPurchaseOutcome>.Create(approved.expense.expenseId, CardPurchaseOutcome.Post(approved, recorded), headers);
    }

    /// <summary>Counts a side that does not post, and forwards what the audit trail records of it.</summary>
    private Record<string, CardPurchaseOutcome> Count(Record<string, CardPurchaseEvent> record, string side, string outcome, params IReadOnlyList<AuditFact> recorded)
    {
        metrics.Purchase(side, outcome);
        var kept = recorded.ToList();
        return Record<string, CardPurchaseOutcome>.Create(record.Key, kept.Count == 1 ? CardPurchaseOutcome.Record(kept[0]) : CardPurchaseOutcome.RecordAll(kept), record.Headers);
    }

    /// <summary>A decision about the approved side <paramref name="side"/> of the purchase in hand.</summary>
    private static AuditFact SideFact(Record<string, CardPurchaseEvent> record, ApprovedExpense side, string step, AuditOutcome outcome, string reason, params IReadOnlyList<string> related) =>
        AuditFact.About(side.expense.envelope, step, outcome, side.expense.expenseId) with
        {
            Reason = reason,
            Origin = OriginOf(record),
            RelatedIds = [side.expense.cardTransactionId, .. related],
        };

    /// <summary><paramref name="merged"/> merged into <paramref name="posts"/>, the side that posts (or posted) the purchase.</summary>
    private static AuditFact MergedFact(Record<string, CardPurchaseEvent> record, ApprovedExpense merged, ApprovedExpense posts) =>
        SideFact(record, merged, AuditSteps.Merged, AuditOutcome.SUCCEEDED, $"merged into {posts.expense.expenseId}, which posts the purchase", posts.expense.expenseId) with
        {
            // A waiting side merged now was read from another record: its origin is not the record in hand.
            Origin = ReferenceEquals(merged, record.Value.Approved) ? OriginOf(record) : DeadLetterOrigin.Unknown,
        };

    /// <summary>A decision about an uncoded card charge, held as its would-be dead letter (origin and bytes as received).</summary>
    private static AuditFact ChargeFact(DeadLetter charge, string step, AuditOutcome outcome, string reason, params IReadOnlyList<string> related) =>
        new AuditFact(step, outcome, charge.correlationId, charge.rawKey is { } key ? Encoding.UTF8.GetString(key) : charge.correlationId)
        {
            Reason = reason,
            Origin = DeadLetterOrigin.Of(charge),
            RawPayload = charge.rawValue ?? [],
            RelatedIds = [.. related],
        };

    private static DeadLetterOrigin OriginOf(Record<string, CardPurchaseEvent> record) =>
        record.TopicPartitionOffset?.Topic is { } topic
            ? DeadLetterOrigin.FromTopic(topic, record.TopicPartitionOffset.Partition.Value, record.TopicPartitionOffset.Offset.Value)
            : DeadLetterOrigin.Unknown;

    /// <summary>The dead letter of <paramref name="late"/>, which disagrees with <paramref name="other"/> in <paramref name="differences"/>.</summary>
    private Record<string, CardPurchaseOutcome> Conflict(Record<string, CardPurchaseEvent> record, ApprovedExpense late, ApprovedExpense other, IReadOnlyList<string> differences)
    {
        metrics.Purchase(SideOf(late), ExpenseMetrics.Conflict);
        var lateSide = CardPurchaseValues.Of(late).Side;
        var otherSide = CardPurchaseValues.Of(other).Side;
        var state = posted!.Get(record.Key) is null ? "is waiting to post" : "has posted";
        var failure = new Failure(ReasonCode.CardExpenseConflict,
            $"Card purchase {PurchaseOf(late)}: {otherSide} {state}, and {lateSide} disagrees with it: {string.Join("; ", differences)}. The later side, {lateSide}, is not posted. {ReasonCode.CardExpenseConflict.Remedy}")
        {
            CorrelationId = late.envelope.correlationId,
            IdempotencyKey = late.envelope.idempotencyKey,
        };
        var topic = record.TopicPartitionOffset?.Topic;
        var origin = OriginOf(record);
        var raw = approvedSerDes?.Serialize(late, new SerializationContext(MessageComponentType.Value, topic, record.Headers));
        var deadLetter = deadLetters.Create(failure, new FailedRecord(origin, Encoding.UTF8.GetBytes(record.Key), raw, record.Headers), ExpenseNames.CardPairing);
        return Record<string, CardPurchaseOutcome>.Create(record.Key, CardPurchaseOutcome.DeadLettered(deadLetter), DeadLetterHeaders.For(deadLetter, record.Headers));
    }

    /// <inheritdoc />
    public void Close()
    {
    }

    /// <summary>Posts the coded card transactions whose wait for a report line is over.</summary>
    private void ReleaseWaited()
    {
        var now = Now;
        var due = waits!.All().Where(w => w.Value is not null && ApprovedAt(w.Value) + options.CardSpend.ReportLineWait <= now).ToList();
        foreach (var (transactionId, card) in due)
        {
            waits.Delete(transactionId);
            metrics.HeldChanged(-1);
            var released = AuditFact.About(card.expense.envelope, AuditSteps.Released, AuditOutcome.SUCCEEDED, card.expense.expenseId) with
            {
                Reason = $"no report line named it within {options.CardSpend.ReportLineWait:c}: the coded card transaction posts on its own",
                RelatedIds = [card.expense.cardTransactionId],
            };
            var forwarded = Post(transactionId, card, null, released);
            // A punctuator's record context is empty: the posting carries the card's lineage headers.
            context!.SetHeaders(LineageHeaders(card));
            context.Forward(forwarded.Key, forwarded.Value);
        }
    }

    /// <summary>Dead-letters the charges held longer than the documentation horizon; forgets purchases older than the dedupe horizon.</summary>
    private void Expire()
    {
        var now = Now;
        var overdue = holds!.All().Where(h => h.Value is not null && new DateTimeOffset(DateTime.SpecifyKind(h.Value.failedAt, DateTimeKind.Utc)).AddDays(options.CardDocumentationHorizonDays) <= now).ToList();
        foreach (var (transactionId, charge) in overdue)
        {
            holds.Delete(transactionId);
            metrics.HeldChanged(-1);
            metrics.Card(ExpenseMetrics.Undocumented);
            var heldSince = DateOnly.FromDateTime(charge.failedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            charge.message = $"Card transaction {transactionId} has not been documented by an expense line (cardTransactionId {transactionId}) within {options.CardDocumentationHorizonDays} days of {heldSince}. {ReasonCode.UndocumentedCardCharge.Remedy}";
            charge.failedAt = now.UtcDateTime;
            context!.SetHeaders(DeadLetterHeaders.For(charge, null));
            context.Forward(transactionId, CardPurchaseOutcome.DeadLettered(charge));
        }

        var forgotten = posted!.All()
            .Where(p => p.Value is not null && ApprovedAt(p.Value).AddDays(options.DedupeHorizonDays) <= now)
            .Select(p => p.Key).ToList();
        foreach (var transactionId in forgotten)
            posted.Delete(transactionId);
    }

    private static CardPurchaseId PurchaseOf(ApprovedExpense approved) => CardPurchaseId.Parse(approved.expense.cardTransactionId);

    private static string SideOf(ApprovedExpense approved) => approved.expense.codedCardTransaction == true ? ExpenseMetrics.CardSide : ExpenseMetrics.ReportLineSide;

    /// <summary>When the expense topology approved it (<c>envelope.eventTime</c>), as a UTC instant.</summary>
    private static DateTimeOffset ApprovedAt(ApprovedExpense approved) =>
        new(AvroTimestamps.Utc(approved.envelope.eventTime));

    private static Headers LineageHeaders(ApprovedExpense approved) => new()
    {
        { RecordHeaders.CorrelationId, Encoding.UTF8.GetBytes(approved.envelope.correlationId) },
        { RecordHeaders.SourceSystem, Encoding.UTF8.GetBytes(approved.envelope.sourceSystem) },
        { RecordHeaders.IdempotencyKey, Encoding.UTF8.GetBytes(approved.envelope.idempotencyKey) },
    };

    private DateTimeOffset Now => clock.GetUtcNow();
}
