using StreamFinance.Kafka.State;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Journals;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;
using StreamFinance.Kafka;

namespace StreamFinance.Topologies.Posting;

/// <summary>
/// The posting topology: approved expenses to balanced journals in scheduled windows, one journal per legal entity,
/// functional currency, posting period and window, keyed by a deterministic reconciliation id.
/// <code>
/// expense.approved ─ tombstones ─┬─ no value (SCHEMA_INVALID) ─────────────────────────────────────► dlq.expenses
///                                └─ check ─┬─ unpostable (SCHEMA_INVALID) ────────────────────────► dlq.expenses
///                           └─ by entity+currency (1 record, 2 when intercompany) ─ posting.by-entity (repartition)
///                                ─ windows (open expenses, expense ids, posted expiry, clock) ─┬─ audit ─► audit.emitted
///                                                                                              └─ due ─► erp.journal-postings
/// </code>
/// Windows are tumbling (<see cref="PostingOptions.WindowSize"/>, default 1 h) by approval time
/// (<c>envelope.eventTime</c> of the approved record); a window closes at end + <see cref="PostingOptions.GracePeriod"/>
/// (default 10 min) of the posting clock (<see cref="PostingClock"/>); an expense later than that joins the next open
/// window, never dropped. An expense id already held by an entity's journals changes nothing.
/// </summary>
public sealed class PostingTopology : IStreamTopology
{
    /// <inheritdoc />
    public string Name => PostingNames.Topology;

    /// <inheritdoc />
    public string Description =>
        "Aggregates approved expenses per legal entity and currency into tumbling posting windows and writes one balanced journal per window with a reconciliation id and control totals.";

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Inputs { get; } = [Topics.ApprovedExpenses];

    /// <inheritdoc />
    public IReadOnlyList<TopicSpec> Outputs { get; } = [Topics.JournalPostings, Topics.ExpenseDeadLetters, Topics.AuditEmitted];

    /// <summary><c>dlq.expenses</c>: unpostable approved expenses, for the same people as every other expense failure.</summary>
    public Topic<string, DeadLetter> DeadLetterTopic => Topics.ExpenseDeadLetters;

    /// <inheritdoc />
    public void Build(StreamBuilder builder, TopologyContext context)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(context);
        var approvedSerDes = context.SerDes.Avro<ApprovedExpense>();
        AddStore(builder, PostingNames.OpenExpensesStore, approvedSerDes);
        AddStore(builder, PostingNames.ExpenseIdsStore, SerDesFactory.Key());
        AddStore(builder, PostingNames.PostedExpiryStore, SerDesFactory.Key());
        AddStore(builder, PostingNames.ClockStore, SerDesFactory.Key());

        var deadLetters = context.DeadLettersTo(this);
        builder.Stream(Topics.ApprovedExpenses.Name, SerDesFactory.Key(), approvedSerDes, PostingNames.Source)
            .CountConsumed(context.Metrics, Topics.ApprovedExpenses.Name)
            .DeadLetterTombstones(PostingNames.Tombstones, deadLetters, ApprovedExpenseInstead)
            .RouteFailures(PostingNames.Check, approvedSerDes, deadLetters, PostableCheck.Apply)
            // One record per journal the expense contributes to: the booking entity, and the employee's entity when intercompany.
            .FlatMap((_, approved, _) => JournalKeysOf(approved, context.Posting).Select(key => KeyValuePair.Create(key, approved)), PostingNames.ByEntity)
            // Every expense of one entity and currency must reach the one task that holds that entity's windows.
            .Repartition(Repartitioned<string, ApprovedExpense>.As(PostingNames.ByEntity).WithKeySerdes(SerDesFactory.Key()).WithValueSerdes(approvedSerDes))
            .DeadLetterTombstones(PostingNames.ByEntityTombstones, deadLetters, ByEntityInstead)
            .Transform(
                TransformerBuilder.New<string, ApprovedExpense, string, PostingStep>().Transformer<PostingWindowTransformer>(context.Posting, context.Clock, new PostingMetrics(context.BusinessMetrics), context.LoggerFactory.CreateLogger(typeof(PostingWindowTransformer).FullName!), context.Restorations!).Build(),
                PostingNames.Windows,
                PostingStores.Names)
            // Each journal, each expense posted in it, and each re-delivery ignored, in the audit trail.
            .AuditEach(PostingNames.Audit, context.AuditFor(this), (_, step, _) => step.Recorded)
            .Filter((_, step, _) => step.Journal is not null, PostingNames.Journals)
            .MapValues((_, step, _) => step.Journal!, $"{PostingNames.Journals}.entry")
            .CountProduced(context.Metrics, Topics.JournalPostings.Name)
            .To(Topics.JournalPostings.Name, SerDesFactory.Key(), context.SerDes.Avro<JournalEntry>(), PostingNames.JournalSink);
    }

    private const string ApprovedExpenseInstead =
        "Only the expense topology writes it, and it always sends the full approved expense: find the producer that wrote the tombstone and stop it; " +
        "an approval is taken back by reversing the journal in the ERP, not by deleting the record.";

    private const string ByEntityInstead =
        "The topic is internal to the posting topology, and the posting topology writes only approved expenses here: " +
        "find the producer that wrote to it and stop it; nothing needs to be sent instead.";

    private static IEnumerable<string> JournalKeysOf(ApprovedExpense approved, PostingOptions options) =>
        PostingContributions.Of(ApprovedExpenseToPost.From(approved), options).Select(c => PostingKeys.Journal(c.EntityId, c.Currency));

    private static void AddStore<T>(StreamBuilder builder, string name, ISerDes<T> values) =>
        builder.AddStateStore(Stores.KeyValueStoreBuilder(PersistentStores.KeyValue(name), SerDesFactory.Key(), values));
}
