using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Journals;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.State;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;

namespace StreamFinance.Topologies.Posting;

/// <summary>
/// The stateful heart of posting, one instance per task over the stores in <see cref="PostingStores"/>. Per record
/// (keyed <c>{entity}|{currency}</c>): ignore it when the entity's journals already hold the expense id (redelivery,
/// replay); otherwise put it into the window of its approval time, or into the next open window when that one is past
/// grace (<see cref="PostingWindows.Assign"/>), then close whatever is due. A punctuator on processing time (every
/// <see cref="PostingOptions.CloseCheckInterval"/>) closes due windows when no records arrive, and purges posted ids
/// older than <see cref="PostingOptions.PostedIdRetention"/>. Journals are forwarded keyed by reconciliation id; nothing
/// is forwarded per input record.
/// </summary>
public sealed class PostingWindowTransformer : ITransformer<string, ApprovedExpense, string, PostingStep>
{
    private readonly PostingOptions options;
    private readonly TimeProvider wallClock;
    private readonly PostingMetrics metrics;
    private readonly ILogger logger;
    private readonly StoreRestorations? restorations;
    private readonly Dictionary<(string Entity, string Currency), (int Count, decimal Amount)> awaiting = [];
    private ProcessorContext<string, PostingStep>? context;
    private PostingStores? stores;
    private PostingClock? clock;
    private TaskRestoration? restoration;
    private bool awaitingCounted;

    /// <summary>Streamiz's <c>Transformer&lt;T&gt;()</c> requires a parameterless constructor: default options on the system clock, metrics served nowhere.</summary>
    public PostingWindowTransformer()
        : this(PostingOptions.Default(), TimeProvider.System, new PostingMetrics(BusinessMetrics.Detached()), NullLogger.Instance, null)
    {
    }

    /// <summary>The transformer Streamiz creates per task.</summary>
    /// <param name="options">Window size, grace, closing and retention.</param>
    /// <param name="wallClock">The wall clock of the <see cref="PostingClock"/> (and of journals' creation times).</param>
    /// <param name="metrics">Where open windows and posted journals are counted.</param>
    /// <param name="logger">Where clamped approval times are logged.</param>
    /// <param name="restorations">The stream's restorations: the punctuator closes nothing while the task's stores restore. Null: nothing restores (a test driver).</param>
    public PostingWindowTransformer(PostingOptions options, TimeProvider wallClock, PostingMetrics metrics, ILogger logger, StoreRestorations? restorations)
    {
        this.restorations = restorations;
        this.logger = logger;
        this.options = options;
        this.wallClock = wallClock;
        this.metrics = metrics;
    }

    /// <inheritdoc />
    public void Init(ProcessorContext<string, PostingStep> context)
    {
        this.context = context;
        stores = new PostingStores(
            (IKeyValueStore<string, ApprovedExpense>)context.GetStateStore(PostingNames.OpenExpensesStore),
            (IKeyValueStore<string, string>)context.GetStateStore(PostingNames.ExpenseIdsStore),
            (IKeyValueStore<string, string>)context.GetStateStore(PostingNames.PostedExpiryStore),
            (IKeyValueStore<string, string>)context.GetStateStore(PostingNames.ClockStore));
        restoration = TaskRestoration.For(context, restorations, PostingStores.Names);
        // Streamiz calls Init before it restores the stores, and punctuates while it restores them: windows are
        // closed from the whole of the restored state only, never from part of it.
        restoration.Schedule(context, options.CloseCheckInterval, CloseDueWindowsAndPurge);
    }

    /// <inheritdoc />
    public Record<string, PostingStep>? Process(Record<string, ApprovedExpense> record)
    {
        restoration?.RecordArrived();
        var (s, c) = Ready();
        var (entity, currency) = PostingKeys.ParseJournal(record.Key);
        var contribution = ContributionOf(record.Value, entity, currency);
        var idKey = PostingKeys.ExpenseId(entity, currency, contribution.ExpenseId);
        if (s.ExpenseIds.Get(idKey) is { } state)
        {
            metrics.Redelivered.WithLabels(entity, currency).Inc();
            return Record<string, PostingStep>.Create(record.Key, new PostingStep(null, [PostingAudit.Redelivered(record, contribution, state)]), record.Headers);
        }

        var approvalTime = Guarded(ApprovedExpenseToPost.ApprovalTime(record.Value), entity, currency, contribution.ExpenseId, record);
        c.Observe(approvalTime);
        var window = PostingWindows.Assign(approvalTime, c.Now(), options);
        if (window != PostingWindow.Containing(approvalTime, options.WindowSize))
            metrics.Late.WithLabels(entity, currency).Inc();
        s.OpenExpenses.Put(PostingKeys.OpenExpense(window.Start, entity, currency, contribution.ExpenseId), record.Value);
        s.ExpenseIds.Put(idKey, $"open {PostingKeys.Format(window.Start)}");
        Await(entity, currency, 1, contribution.Amount);
        CloseDueWindows(c.Now());
        return null;
    }

    /// <inheritdoc />
    public void Close()
    {
        // The task leaves this instance: its open windows are no longer awaited here.
        foreach (var ((entity, currency), (count, amount)) in awaiting)
            metrics.AddAwaiting(entity, currency, -count, -amount);
        awaiting.Clear();
    }

    private void CloseDueWindowsAndPurge()
    {
        var (s, c) = Ready();
        var now = c.Now();
        CloseDueWindows(now);
        PostedIdPurge.Run(s, now - options.PostedIdRetention);
    }

    private void CloseDueWindows(DateTimeOffset now)
    {
        var (s, _) = Ready();
        var due = new List<(string Key, DateTimeOffset Start, string Entity, string Currency, ApprovedExpense Value)>();
        // Keys start with the window start, so the due windows are a prefix of the store, already in closing order.
        foreach (var entry in s.OpenExpenses.All())
        {
            var (start, entity, currency, _) = PostingKeys.ParseOpenExpense(entry.Key);
            if (!PostingWindows.IsDue(new PostingWindow(start, start + options.WindowSize), now, options))
                break;
            due.Add((entry.Key, start, entity, currency, entry.Value));
        }

        foreach (var group in due.GroupBy(d => (d.Start, d.Entity, d.Currency)))
        {
            var window = new PostingWindow(group.Key.Start, group.Key.Start + options.WindowSize);
            var contributions = group.Select(d => (d.Key, Contribution: ContributionOf(d.Value, d.Entity, d.Currency), Approved: d.Value)).ToList();
            foreach (var period in contributions.GroupBy(x => (x.Contribution.FiscalYear, x.Contribution.PeriodNumber)).OrderBy(p => p.Key))
            {
                var key = new JournalKey(group.Key.Entity, group.Key.Currency, period.Key.FiscalYear, period.Key.PeriodNumber, window);
                var journal = JournalBuilder.Build(key, period.Select(x => x.Contribution));
                Post(journal, now, period.Select(x => (x.Approved, x.Contribution)).ToList());
                foreach (var (openKey, contribution, _) in period)
                    MarkPosted(s, openKey, contribution, journal);
            }
        }
    }

    private void Post(Journal journal, DateTimeOffset now, IReadOnlyList<(ApprovedExpense Approved, PostingContribution Contribution)> posted)
    {
        var ctx = context ?? throw new InvalidOperationException($"{nameof(PostingWindowTransformer)} posted before Init.");
        var headers = new Headers
        {
            { RecordHeaders.CorrelationId, System.Text.Encoding.UTF8.GetBytes(journal.ReconciliationId) },
            { RecordHeaders.SourceSystem, System.Text.Encoding.UTF8.GetBytes(JournalEntryFactory.SourceSystem) },
            { RecordHeaders.IdempotencyKey, System.Text.Encoding.UTF8.GetBytes(journal.ReconciliationId) },
        };
        ctx.SetHeaders(headers);
        ctx.ChangeTimestamp(journal.Key.Window.End.ToUnixTimeMilliseconds());
        var entry = JournalEntryFactory.Create(journal, now);
        ctx.Forward(journal.ReconciliationId, new PostingStep(entry, PostingAudit.Posted(entry, posted)));
        logger.LogDebug("Posting task {TaskId} posted {ReconciliationId} at {Now:O} with {Expenses}", ctx.Id, journal.ReconciliationId, now, string.Join(' ', journal.ExpenseIds));
        metrics.CountPosted(journal);
    }

    private void MarkPosted(PostingStores s, string openKey, PostingContribution contribution, Journal journal)
    {
        s.OpenExpenses.Delete(openKey);
        s.ExpenseIds.Put(PostingKeys.ExpenseId(contribution.EntityId, contribution.Currency, contribution.ExpenseId), $"posted {journal.ReconciliationId}");
        s.PostedExpiry.Put(PostingKeys.Expiry(journal.Key.Window.End, contribution.EntityId, contribution.Currency, contribution.ExpenseId), journal.ReconciliationId);
        Await(contribution.EntityId, contribution.Currency, -1, -contribution.Amount);
    }

    private void Await(string entity, string currency, int count, decimal amount)
    {
        var held = awaiting.GetValueOrDefault((entity, currency));
        awaiting[(entity, currency)] = (held.Count + count, held.Amount + amount);
        metrics.AddAwaiting(entity, currency, count, amount);
    }

    private PostingContribution ContributionOf(ApprovedExpense approved, string entity, string currency) =>
        PostingContributions.Of(ApprovedExpenseToPost.From(approved), options).SingleOrDefault(c => c.EntityId == entity && c.Currency == currency)
        ?? throw new InvalidOperationException(
            $"Expense '{approved.expense?.expenseId}' reached the posting windows of {entity} {currency} but posts to none of them; the re-key step and the store disagree. Reset the posting application's state.");

    // An approval time far ahead of the wall clock would move the posting clock and close every open window early.
    private DateTimeOffset Guarded(DateTimeOffset approvalTime, string entity, string currency, string expenseId, Record<string, ApprovedExpense> record)
    {
        if (options.FutureTolerance is not { } tolerance)
            return approvalTime;
        var latest = wallClock.GetUtcNow() + tolerance;
        if (approvalTime <= latest)
            return approvalTime;
        metrics.FutureClamped.WithLabels(entity, currency).Inc();
        using (logger.BeginRecordScope(record.Value.envelope?.correlationId, record.TopicPartitionOffset))
            logger.LogWarning(
                "Expense {ExpenseId} of {Entity} {Currency} was approved at {ApprovalTime:O}, more than {Tolerance} after the wall clock; it is posted as approved at {Clamped:O} so that open windows do not close early. Check the clock of the instance that approved it.",
                expenseId, entity, currency, approvalTime, tolerance, latest);
        return latest;
    }

    /// <summary>The stores and the clock, read once the stores are restored (the clock's high-water mark and the awaited totals come from them).</summary>
    private (PostingStores Stores, PostingClock Clock) Ready()
    {
        if (stores is null)
            throw new InvalidOperationException($"{nameof(PostingWindowTransformer)} processed before Init.");
        clock ??= new PostingClock(stores.Clock, wallClock, options);
        if (!awaitingCounted)
        {
            awaitingCounted = true;
            var open = 0;
            foreach (var entry in stores.OpenExpenses.All())
            {
                var (_, entity, currency, _) = PostingKeys.ParseOpenExpense(entry.Key);
                Await(entity, currency, 1, ContributionOf(entry.Value, entity, currency).Amount);
                open++;
            }
            logger.LogDebug("Posting task {TaskId} restored with {Open} expense(s) in open windows; posting clock at {Clock:O}", context?.Id, open, clock.Now());
        }
        return (stores, clock);
    }
}
