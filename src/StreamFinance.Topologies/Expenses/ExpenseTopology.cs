using System.Text;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Expenses;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Kafka.State;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;
using StreamFinance.Kafka;
using StreamFinance.Rules.Expenses;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// Expense to ledger, up to approval: <c>ingest.expenses</c> and <c>ingest.card-transactions</c> -> dedupe, point-in-time
/// enrichment and validation -> <c>expense.approved</c> or <c>dlq.expenses</c> (owner finance operations). Every input
/// ends approved, held (a line waiting for master data in <see cref="ExpenseNames.MasterDataWaitStore"/>, a card charge
/// waiting for its expense line in <see cref="ExpenseNames.CardHoldStore"/>, a coded card transaction waiting for its
/// report line in <see cref="ExpenseNames.CardSpendWaitStore"/>), merged into the other side of its card purchase, or
/// dead-lettered (a tombstone too); nothing is dropped except re-deliveries.
/// </summary>
/// <remarks>
/// <para>Dedupe: by idempotency key in <see cref="ExpenseNames.DedupeStore"/> (RocksDB, changelogged), remembered for
/// <see cref="ExpenseOptions.DedupeHorizonDays"/>. An approved key is dropped for good; a dead-lettered key passes again
/// only as a replay, so <c>dlq replay</c> works after the master data is fixed and replaying twice posts once. The
/// record that decided a key, read again after a failure, is a redo and is decided again (<see cref="DedupeEntry"/>).</para>
/// <para>Waiting for master data (<see cref="ExpenseMasterDataWaits"/>): a line that fails only because master data has
/// not arrived yet waits and is evaluated again after each write of the master-data global table, up to
/// <see cref="ExpenseOptions.MasterDataWaitHorizon"/>, then dead-lettered with its violations; so a fresh start whose
/// lines arrive before <c>md.history</c> is loaded approves them once it is.</para>
/// <para>Coded card spend (<see cref="CodedCardSpend"/>): a fully coded card transaction is made an expense line and
/// judged by the same decide step. An uncoded one is held until an approved line names it, or dead-lettered as
/// <c>UNDOCUMENTED_CARD_CHARGE</c> after <see cref="ExpenseOptions.CardDocumentationHorizonDays"/>.</para>
/// <para>One posting per purchase (<see cref="CardPurchaseTransformer"/>): of a report line and the coded card
/// transaction it names, exactly one posts (with <c>isCardCharge=true</c>), whatever arrives first; the other is
/// merged, or dead-lettered as <c>CARD_EXPENSE_CONFLICT</c> when it disagrees with what already posted.</para>
/// </remarks>
public sealed class ExpenseTopology : IStreamTopology
{
    /// <summary>The topology's name (<see cref="Name"/>).</summary>
    public const string TopologyName = "expense";

    /// <inheritdoc />
    public string Name => TopologyName;

    /// <inheritdoc />
    public string Description => "Dedupes, enriches point in time and validates expense lines and card charges: expense.approved or dlq.expenses.";

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Inputs { get; } = [Topics.Expenses, Topics.CardTransactions, Topics.MasterDataHistory];

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Outputs { get; } = [Topics.ApprovedExpenses, Topics.ExpenseDeadLetters, Topics.AuditEmitted];

    /// <inheritdoc />
    public Topic<string, DeadLetter> DeadLetterTopic => Topics.ExpenseDeadLetters;

    /// <summary>
    /// Advanced after every write to the master-data store (see <see cref="SignallingStoreSupplier"/>), so each task
    /// remembers its look-ups and forgets them the moment master data changes.
    /// </summary>
    public StoreWriteSignal MasterDataWrites { get; } = new();

    /// <inheritdoc />
    public void Build(StreamBuilder builder, TopologyContext context)
    {
        var policy = new ExpensePolicy(context.Expenses);
        var metrics = new ExpenseMetrics(context.BusinessMetrics);
        var lineSerDes = context.SerDes.Avro<ExpenseLine>();
        var deadLetters = context.DeadLettersTo(this);
        var audit = context.AuditFor(this);
        AddStores(builder, context);

        // 1. Card transactions: a fully coded one is an expense line of its own, judged by the same decide step as report
        //    lines; it goes through its own repartition topic so that a dead letter's bytes (an expense line) and origin
        //    match and dlq replay works. The rest are charges held for the line that documents them (step 3).
        var cardSerDes = context.SerDes.Avro<CardTransaction>();
        var cards = builder.Stream(Topics.CardTransactions.Name, SerDesFactory.Key(), cardSerDes, ExpenseNames.CardSource)
            .CountConsumed(context.Metrics, Topics.CardTransactions.Name)
            .DeadLetterTombstones(ExpenseNames.CardTombstones, deadLetters, CardTransactionInstead)
            .Branch(ExpenseNames.CardCoding, (_, card, _) => CodedCardSpend.IsCoded(card), (_, _, _) => true);
        var codedCardLines = cards[0]
            .MapValues((_, card, _) => CodedCardSpend.AsExpenseLine(card), $"{ExpenseNames.CardSpendLines}.as-line")
            .Repartition(Repartitioned<string, ExpenseLine>.As(ExpenseNames.CardSpendLines).WithKeySerdes(SerDesFactory.Key()).WithValueSerdes(lineSerDes))
            .DeadLetterTombstones(ExpenseNames.CardSpendLineTombstones, deadLetters, InternalTopicInstead);

        // 2. Expense lines: dedupe, enrich and validate point in time, route. A line that fails only because master data
        //    has not arrived yet waits in expense.md-waits and is routed here when master data changes or its horizon passes.
        var decisions = builder.Stream(Topics.Expenses.Name, SerDesFactory.Key(), lineSerDes, ExpenseNames.ExpenseSource)
            .CountConsumed(context.Metrics, Topics.Expenses.Name)
            .DeadLetterTombstones(ExpenseNames.ExpenseTombstones, deadLetters, ExpenseLineInstead)
            .Merge(codedCardLines, ExpenseNames.Lines)
            .TransformValues(
                TransformerBuilder.New<string, ExpenseLine, string, ExpenseDecision>()
                    .Transformer<ExpenseDecisionTransformer>(
                        policy, context.MasterData.FxFallback, context.Clock, MasterDataWrites, lineSerDes, metrics, context.BusinessMetrics.Holds, context.Restorations!).Build(),
                ExpenseNames.Decide,
                ExpenseNames.DedupeStore, ExpenseNames.MasterDataWaitStore)
            // Every decision in the audit trail (deduplicated, held, released, approved; dead letters where they are written).
            .AuditEach(ExpenseNames.DecideAudit, audit, (_, decision, record) => ExpenseAudit.Of(decision, record))
            .Filter((_, decision, _) => decision.IsRouted, ExpenseNames.Decided);
        var approved = decisions.RouteFailures(
            ExpenseNames.Route,
            new ProjectedSerDes<ExpenseDecision, ExpenseLine>(lineSerDes, decision => decision.Line!),
            deadLetters,
            (_, decision) => decision.Outcome!,
            // A line released from the wait keeps the origin, bytes and headers it arrived with.
            decision => decision.ReceivedAs)
            .Branch(ExpenseNames.CardPaid, (_, expense, _) => !string.IsNullOrWhiteSpace(expense.expense.cardTransactionId), (_, _, _) => true);
        approved[1]
            .CountProduced(context.Metrics, Topics.ApprovedExpenses.Name)
            .To(Topics.ApprovedExpenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ApprovedExpense>(), ExpenseNames.ApprovedSink);

        // 3. One posting per card purchase. Approved expenses naming a card purchase (report lines and coded card
        //    transactions) are re-keyed by card transaction id so that they reach the task that holds the card's charge
        //    (ingest.card-transactions is keyed by that id); there exactly one side of each purchase posts.
        var approvedSerDes = context.SerDes.Avro<ApprovedExpense>();
        var approvals = approved[0]
            .SelectKey((_, expense, _) => CardPurchaseId.Parse(expense.expense.cardTransactionId).TransactionId, $"{ExpenseNames.CardPurchases}.by-card")
            .Repartition(Repartitioned<string, ApprovedExpense>.As(ExpenseNames.CardPurchases).WithKeySerdes(SerDesFactory.Key()).WithValueSerdes(approvedSerDes))
            .DeadLetterTombstones(ExpenseNames.PurchaseTombstones, deadLetters, InternalTopicInstead)
            .MapValues((_, expense, _) => CardPurchaseEvent.ForApproval(expense), ExpenseNames.CardApprovals);
        var charges = cards[1]
            .MapValues((key, card, record) => CardPurchaseEvent.ForCharge(HeldAs(key, card, record, cardSerDes, context)), ExpenseNames.CardCharges);

        var outcomes = charges.Merge(approvals, ExpenseNames.CardEvents)
            .Transform(
                TransformerBuilder.New<string, CardPurchaseEvent, string, CardPurchaseOutcome>()
                    .Transformer<CardPurchaseTransformer>(context.Clock, policy.Options, metrics, context.DeadLetters, approvedSerDes, context.Restorations!).Build(),
                ExpenseNames.CardPairing,
                ExpenseNames.CardHoldStore, ExpenseNames.CardSpendWaitStore, ExpenseNames.CardPurchaseStore)
            // Merged, held, released and re-delivered sides in the audit trail (dead letters where they are written).
            .AuditEach(ExpenseNames.CardAudit, audit, (_, outcome, _) => outcome.Recorded)
            .Branch(ExpenseNames.CardOutcomes, (_, outcome, _) => outcome.Posts is not null, (_, outcome, _) => outcome.DeadLetter is not null);
        outcomes[0]
            .MapValues((_, outcome, _) => outcome.Posts!, $"{ExpenseNames.CardOutcomes}.posts")
            .CountProduced(context.Metrics, Topics.ApprovedExpenses.Name, $"{ExpenseNames.CardApprovedSink}.produced-metric")
            .To(Topics.ApprovedExpenses.Name, SerDesFactory.Key(), approvedSerDes, ExpenseNames.CardApprovedSink);
        outcomes[1]
            .MapValues((_, outcome, _) => outcome.DeadLetter!, $"{ExpenseNames.CardOutcomes}.dead-letters")
            .WriteDeadLetters($"{ExpenseNames.CardPairing}.dead-letters", deadLetters);
    }

    private const string ExpenseLineInstead =
        "Expense lines are events, not rows of a table, so none is deleted by key: send the full expense line, as the connectors do; " +
        "a line that must not post is rejected in the expense system, or reversed in the ERP once posted.";

    private const string CardTransactionInstead =
        "Card transactions are events, not rows of a table, so none is deleted by key: send the full card transaction, as the connectors do; " +
        "a refund or reversal is a card transaction of its own.";

    private const string InternalTopicInstead =
        "The topic is internal to the expense topology, which writes only full records here: " +
        "find the producer that wrote to it and stop it; nothing needs to be sent instead.";

    /// <summary>The global master-data table (own store, like the validation topology's) and the five RocksDB stores.</summary>
    private void AddStores(StreamBuilder builder, TopologyContext context)
    {
        var history = context.SerDes.Avro<MasterDataHistory>();
        MasterDataHistoryTable.Add(builder, ExpenseNames.MasterDataStore, ExpenseNames.MasterDataTable, history, MasterDataWrites);
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(ExpenseNames.DedupeStore), SerDesFactory.Key(), new StringSerDes()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(ExpenseNames.MasterDataWaitStore), SerDesFactory.Key(), context.SerDes.Avro<HeldRecord>()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(ExpenseNames.CardHoldStore), SerDesFactory.Key(), context.SerDes.Avro<DeadLetter>()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(ExpenseNames.CardSpendWaitStore), SerDesFactory.Key(), context.SerDes.Avro<ApprovedExpense>()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(ExpenseNames.CardPurchaseStore), SerDesFactory.Key(), context.SerDes.Avro<ApprovedExpense>()));
    }

    /// <summary>The dead letter a card charge becomes if it stays undocumented: its bytes, origin and headers as received.</summary>
    private static DeadLetter HeldAs(string key, CardTransaction card, Streamiz.Kafka.Net.Processors.IRecordContext record, ISerDes<CardTransaction> serDes, TopologyContext context)
    {
        var raw = serDes.Serialize(card, new Confluent.Kafka.SerializationContext(Confluent.Kafka.MessageComponentType.Value, record.Topic, record.Headers));
        var failed = new FailedRecord(DeadLetterOrigin.FromTopic(record.Topic, record.Partition, record.Offset), Encoding.UTF8.GetBytes(key), raw, record.Headers);
        var failure = new Failure(ReasonCode.UndocumentedCardCharge, $"Card transaction {card.transactionId} of employee {card.employeeId} is held for its expense line.")
        {
            CorrelationId = card.envelope.correlationId,
            IdempotencyKey = card.envelope.idempotencyKey,
        };
        return context.DeadLetters.Create(failure, failed, ExpenseNames.CardPairing);
    }
}
