using Microsoft.Extensions.Time.Testing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Journals;
using StreamFinance.Topologies.Posting;
using StreamFinance.Topologies.Tests.Support;
using Streamiz.Kafka.Net.Mock;
using StreamFinance.Kafka;
using StreamFinance.Kafka.State;

namespace StreamFinance.Topologies.Tests.Posting;

/// <summary>
/// The posting topology in a test driver. The wall clock (a <see cref="FakeTimeProvider"/>) starts long before every approval
/// time, so only approvals move the posting clock until a test moves the wall clock itself. That makes every approval
/// "in the future", so the clock guard (<see cref="PostingOptions.FutureTolerance"/>) is off unless a test asks for it.
/// </summary>
internal sealed class PostingDriver : IDisposable
{
    private readonly TopologyHarness harness;
    private readonly TestInputTopic<string, ApprovedExpense> input;
    private readonly TestInputTopic<string, string> byEntity;
    private readonly TestOutputTopic<string, JournalEntry> journals;
    private readonly TestOutputTopic<string, DeadLetter> deadLetters;
    private readonly TestOutputTopic<string, AuditEvent> audit;
    private readonly StoreRestorations? restorations;

    /// <param name="options">The posting options; default <see cref="PostingOptions.Default"/>.</param>
    /// <param name="clockGuard">Whether <see cref="PostingOptions.FutureTolerance"/> stays on.</param>
    /// <param name="restorations">The restorations the window processor waits for, as a stream's; default none (nothing restores).</param>
    public PostingDriver(PostingOptions? options = null, bool clockGuard = false, StoreRestorations? restorations = null)
    {
        Options = options ?? PostingOptions.Default();
        if (!clockGuard)
            Options.FutureTolerance = null;
        this.restorations = restorations;
        harness = new TopologyHarness(new PostingTopology(), serDes => new TopologyContext(serDes, WallClock) { Posting = Options, Restorations = restorations });
        Metrics = new PostingMetrics(harness.Context.BusinessMetrics);
        input = harness.Input(Topics.ApprovedExpenses);
        byEntity = harness.RepartitionInput(PostingNames.ByEntity);
        journals = harness.Output(Topics.JournalPostings);
        deadLetters = harness.Output(Topics.ExpenseDeadLetters);
        audit = harness.Output(Topics.AuditEmitted);
    }

    public PostingOptions Options { get; }

    /// <summary>The posting metrics of this driver's topology (a registry of its own).</summary>
    public PostingMetrics Metrics { get; }

    public FakeTimeProvider WallClock { get; } = new(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Send(ApprovedExpense approved) => input.PipeInput(approved.expense.expenseId, approved);

    /// <summary>A record without value (a tombstone) on <c>expense.approved</c>.</summary>
    public void SendTombstone(string key) => input.PipeInput(key, null!);

    /// <summary>A record without value (a tombstone) on the by-entity repartition topic, keyed <c>{entity}|{currency}</c>.</summary>
    public void SendByEntityTombstone(string key) => byEntity.PipeInput(key, null!);

    /// <summary>Moves the wall clock to <paramref name="now"/> and lets the close punctuator run.</summary>
    public void WallClockReaches(DateTimeOffset now)
    {
        WallClock.SetUtcNow(now);
        harness.AdvanceWallClockTime(Options.CloseCheckInterval);
    }

    /// <summary>Journals written since the last call, keyed by reconciliation id, in order.</summary>
    public IReadOnlyList<(string Key, JournalEntry Journal)> Journals() =>
        journals.ReadKeyValueList().Select(r => (r.Message.Key, r.Message.Value)).ToList();

    public IReadOnlyList<DeadLetter> DeadLetters() => deadLetters.ReadValueList().ToList();

    /// <summary>The audit events written to <c>audit.emitted</c> since the last read.</summary>
    public IReadOnlyList<AuditEvent> Audit() => audit.ReadValueList().ToList();

    /// <summary>
    /// Writes <paramref name="approved"/> into the window processor's stores as a restore from their changelogs does:
    /// open in the window of its approval time, under the processor, which is not told. (The stores' changelog layer
    /// needs the context of a record read by their task: a tombstone on the by-entity topic gives it one, and is
    /// dead-lettered before the window processor, which sees no record.)
    /// </summary>
    public void Restore(ApprovedExpense approved)
    {
        SendByEntityTombstone("restore|context");
        DeadLetters();
        var (entity, currency, id) = (approved.legalEntityId, approved.functionalAmount.currency, approved.expense.expenseId);
        var window = PostingWindow.Containing(ApprovedExpenseToPost.ApprovalTime(approved), Options.WindowSize);
        harness.RestoringStore<ApprovedExpense>(PostingNames.OpenExpensesStore).Put(PostingKeys.OpenExpense(window.Start, entity, currency, id), approved);
        harness.RestoringStore<string>(PostingNames.ExpenseIdsStore).Put(PostingKeys.ExpenseId(entity, currency, id), $"open {PostingKeys.Format(window.Start)}");
    }

    /// <summary>Ends the restore of the window processor's four stores (the only task of the by-entity topic is of partition 0).</summary>
    public void RestoreEnded()
    {
        var tracked = restorations ?? throw new InvalidOperationException("This driver was built without restorations.");
        foreach (var store in PostingStores.Names)
            tracked.Ended(store, 0);
    }

    public string? ExpenseIdState(string entity, string currency, string expenseId) =>
        harness.Store<string>(PostingNames.ExpenseIdsStore).Get(PostingKeys.ExpenseId(entity, currency, expenseId));

    public void Dispose() => harness.Dispose();
}
