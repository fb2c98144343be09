using System.Text;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Expenses;
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
/// waiting for its expense line in <see cref="ExpenseNames.CardHoldStore"/>) or dead-lettered (a tombstone too); nothing
/// is dropped except re-deliveries.
/// </summary>
/// <remarks>
/// <para>Dedupe: by idempotency key in <see cref="ExpenseNames.DedupeStore"/> (RocksDB, changelogged), remembered for
/// <see cref="ExpenseOptions.DedupeHorizonDays"/>. An approved key is dropped for good; a dead-lettered key passes again
/// only as a replay, so <c>dlq replay</c> works after the master data is fixed and replaying twice posts once.</para>
/// <para>Waiting for master data (<see cref="ExpenseMasterDataWaits"/>): a line that fails only because master data has
/// not arrived yet waits and is evaluated again after each write of the master-data global table, up to
/// <see cref="ExpenseOptions.MasterDataWaitHorizon"/>, then dead-lettered with its violations; so a fresh start whose
/// lines arrive before <c>md.history</c> is loaded approves them once it is.</para>
/// <para>Card pairing (<see cref="CardPairingTransformer"/>): only expense lines post. A card charge is held until an
/// approved line names its id (that line posts with <c>isCardCharge=true</c>), or dead-lettered as
/// <c>UNDOCUMENTED_CARD_CHARGE</c> after <see cref="ExpenseOptions.CardDocumentationHorizonDays"/>.</para>
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
    public IReadOnlyList<TopicSpec> Outputs { get; } = [Topics.ApprovedExpenses, Topics.ExpenseDeadLetters];

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
        var deadLetters = context.DeadLettersTo(DeadLetterTopic);
        AddStores(builder, context);

        // 1. Expense lines: dedupe, enrich and validate point in time, route. A line that fails only because master data
        //    has not arrived yet waits in expense.md-waits and is routed here when master data changes or its horizon passes.
        var decisions = builder.Stream(Topics.Expenses.Name, SerDesFactory.Key(), lineSerDes, ExpenseNames.ExpenseSource)
            .CountConsumed(context.Metrics, Topics.Expenses.Name)
            .DeadLetterTombstones(ExpenseNames.ExpenseTombstones, deadLetters, ExpenseLineInstead)
            .TransformValues(
                TransformerBuilder.New<string, ExpenseLine, string, ExpenseDecision>()
                    .Transformer<ExpenseDecisionTransformer>(
                        policy, context.MasterData.FxFallback, context.Clock, MasterDataWrites, lineSerDes, metrics, context.BusinessMetrics.Holds).Build(),
                ExpenseNames.Decide,
                ExpenseNames.DedupeStore, ExpenseNames.MasterDataWaitStore);
        var approved = decisions.RouteFailures(
            ExpenseNames.Route,
            new ProjectedSerDes<ExpenseDecision, ExpenseLine>(lineSerDes, decision => decision.Line!),
            deadLetters,
            (_, decision) => decision.Outcome,
            // A line released from the wait keeps the origin, bytes and headers it arrived with.
            decision => decision.ReceivedAs);
        approved
            .CountProduced(context.Metrics, Topics.ApprovedExpenses.Name)
            .To(Topics.ApprovedExpenses.Name, SerDesFactory.Key(), context.SerDes.Avro<ApprovedExpense>(), ExpenseNames.ApprovedSink);

        // 2. Card pairing. Approved card-paid lines are re-keyed by card transaction id so that the notice reaches the
        //    task that holds the charge (ingest.card-transactions is keyed by that id).
        var documents = approved
            .Filter((_, expense, _) => !string.IsNullOrWhiteSpace(expense.expense.cardTransactionId), $"{ExpenseNames.Documentation}.card-paid")
            .Map((_, expense, _) => KeyValuePair.Create(expense.expense.cardTransactionId, expense.expense.expenseId), $"{ExpenseNames.Documentation}.by-card")
            .Repartition(Repartitioned<string, string>.As(ExpenseNames.Documentation).WithKeySerdes(SerDesFactory.Key()).WithValueSerdes(new StringSerDes()))
            .DeadLetterTombstones(ExpenseNames.DocumentationTombstones, deadLetters, DocumentationInstead)
            .MapValues((_, expenseId, _) => CardPairingEvent.Documented(expenseId), ExpenseNames.CardDocuments);

        var cardSerDes = context.SerDes.Avro<CardTransaction>();
        var charges = builder.Stream(Topics.CardTransactions.Name, SerDesFactory.Key(), cardSerDes, ExpenseNames.CardSource)
            .CountConsumed(context.Metrics, Topics.CardTransactions.Name)
            .DeadLetterTombstones(ExpenseNames.CardTombstones, deadLetters, CardTransactionInstead)
            .MapValues((key, card, record) => CardPairingEvent.ForCharge(HeldAs(key, card, record, cardSerDes, context)), ExpenseNames.CardCharges);

        charges.Merge(documents, ExpenseNames.CardEvents)
            .TransformValues(
                TransformerBuilder.New<string, CardPairingEvent, string, DeadLetter>()
                    .Transformer<CardPairingTransformer>(context.Clock, policy.Options.CardDocumentationHorizonDays, policy.Options.DedupeHorizonDays, metrics).Build(),
                ExpenseNames.CardPairing,
                ExpenseNames.CardHoldStore, ExpenseNames.CardDocumentedStore)
            .Peek((_, deadLetter, _) => deadLetters.Metrics.Record(DeadLetterTopic.Name, deadLetter), $"{ExpenseNames.CardPairing}.dead-letters.count")
            .To(DeadLetterTopic.Name, SerDesFactory.Key(), context.SerDes.Avro<DeadLetter>(), ExpenseNames.CardDeadLetterSink);
    }

    private const string ExpenseLineInstead =
        "Expense lines are events, not rows of a table, so none is deleted by key: send the full expense line, as the connectors do; " +
        "a line that must not post is rejected in the expense system, or reversed in the ERP once posted.";

    private const string CardTransactionInstead =
        "Card transactions are events, not rows of a table, so none is deleted by key: send the full card transaction, as the connectors do; " +
        "a refund or reversal is a card transaction of its own.";

    private const string DocumentationInstead =
        "The topic is internal to the expense topology, and the expense topology writes only expense ids here: " +
        "find the producer that wrote to it and stop it; nothing needs to be sent instead.";

    /// <summary>The global master-data table (own store, like the validation topology's) and the four RocksDB stores.</summary>
    private void AddStores(StreamBuilder builder, TopologyContext context)
    {
        var history = context.SerDes.Avro<MasterDataHistory>();
        MasterDataHistoryTable.Add(builder, ExpenseNames.MasterDataStore, ExpenseNames.MasterDataTable, history, MasterDataWrites);
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(ExpenseNames.DedupeStore), SerDesFactory.Key(), new StringSerDes()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(ExpenseNames.MasterDataWaitStore), SerDesFactory.Key(), context.SerDes.Avro<HeldRecord>()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(ExpenseNames.CardHoldStore), SerDesFactory.Key(), context.SerDes.Avro<DeadLetter>()));
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(ExpenseNames.CardDocumentedStore), SerDesFactory.Key(), new StringSerDes()));
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
