using System.Text;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Kafka;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Topologies.Tests.Expenses;

namespace StreamFinance.Topologies.Tests.Simulation;

/// <summary>The crash model of <see cref="SimulatedApp"/> on the expense topology, step by step.</summary>
public class SimulatedAppCrashTests
{
    [Theory]
    [InlineData(CrashModel.ExactlyOnce)]
    [InlineData(CrashModel.AtLeastOnce)]
    public void A_crashed_expense_application_restores_its_waiting_line_and_dedupe_key_from_the_changelog(CrashModel model)
    {
        using var world = new CrashWorld(model);
        world.MasterData(ExpenseWorld.MasterData());
        world.Send(ExpenseWorld.Expense("EXP-LATE", employee: "E-NEW"));
        world.App.Commit();

        world.App.Crash();
        Assert.Equal(["concur:EXP-LATE:1"], world.App.Store<HeldRecord>(ExpenseNames.MasterDataWaitStore).All().Select(e => e.Key));
        world.MasterData([ExpenseWorld.Hired("E-NEW", "US01", "CC-1000")]);
        world.App.AdvanceWallClock(TimeSpan.FromSeconds(10));
        world.App.Commit();
        world.App.Crash();
        world.Send(ExpenseWorld.Expense("EXP-LATE", employee: "E-NEW"));
        world.App.Commit();

        Assert.Equal(["EXP-LATE"], world.Approved().Select(a => a.expense.expenseId));
        Assert.Equal("Approved", world.App.Store<string>(ExpenseNames.DedupeStore).Get("concur:EXP-LATE:1")?.Split('|')[0]);
    }

    [Fact]
    public void Under_at_least_once_a_crash_before_the_commit_decides_the_line_again_and_repeats_the_same_approval()
    {
        using var world = new CrashWorld(CrashModel.AtLeastOnce);
        world.MasterData(ExpenseWorld.MasterData());
        world.App.Commit();

        world.Send(ExpenseWorld.Expense("EXP-1"));

        // The line read again is a redo: decided again as of its first decision, so the approval repeats byte for byte
        // (same event id, same approval time) and posting takes it once.
        world.CrashFiveMinutesLaterAndReadTheLineAgain(expectedApprovalTime: ExpenseWorld.Today);
        Assert.Equal(["EXP-1", "EXP-1"], world.Approved().Select(a => a.expense.expenseId));
    }

    [Fact]
    public void Under_at_least_once_a_line_released_from_its_wait_and_read_again_repeats_the_released_approval()
    {
        using var world = new CrashWorld(CrashModel.AtLeastOnce);
        world.MasterData(ExpenseWorld.MasterData());
        world.App.Commit();

        world.Send(ExpenseWorld.Expense("EXP-LATE", employee: "E-NEW"));
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        world.MasterData([ExpenseWorld.Hired("E-NEW", "US01", "CC-1000")]);
        world.App.AdvanceWallClock(TimeSpan.FromSeconds(10));
        Assert.Single(world.Approved());

        // The line read again is the record that waited: decided again as of its release, the same approval again.
        world.CrashFiveMinutesLaterAndReadTheLineAgain(expectedApprovalTime: ExpenseWorld.Today.AddMinutes(1));
    }

    [Fact]
    public void Under_at_least_once_a_line_sent_again_after_the_commit_is_a_redelivery_and_is_dropped()
    {
        using var world = new CrashWorld(CrashModel.AtLeastOnce);
        world.MasterData(ExpenseWorld.MasterData());
        world.Send(ExpenseWorld.Expense("EXP-1"));
        world.App.Commit();
        world.App.Crash();

        world.Send(ExpenseWorld.Expense("EXP-1"));
        world.App.Commit();

        Assert.Equal(["EXP-1"], world.Approved().Select(a => a.expense.expenseId));
        Assert.StartsWith("Approved|", world.App.Store<string>(ExpenseNames.DedupeStore).Get("concur:EXP-1:1"));
    }

    /// <summary>
    /// Under exactly-once the crash aborts the approval and the dedupe entry together. Under <see cref="CrashModel.OutputsLost"/>
    /// (issue 14 point 3) the dedupe entry reached its changelog, the approval did not (its partition's leader was down),
    /// and the task went back to its last commit: dropping the line read again as a re-delivery lost it.
    /// </summary>
    [Theory]
    [InlineData(CrashModel.ExactlyOnce)]
    [InlineData(CrashModel.OutputsLost)]
    public void A_crash_before_the_commit_that_loses_the_approval_leaves_the_line_read_again_approved_once(CrashModel model)
    {
        using var world = new CrashWorld(model);
        world.MasterData(ExpenseWorld.MasterData());
        world.App.Commit();

        world.Send(ExpenseWorld.Expense("EXP-1"));
        world.App.Crash();
        Assert.Empty(world.Approved());
        Assert.Equal(model == CrashModel.OutputsLost, world.App.Store<string>(ExpenseNames.DedupeStore).Get("concur:EXP-1:1") is not null);
        Assert.True(world.App.Poll(Topics.Expenses.Name));
        world.App.Commit();

        Assert.Equal(["EXP-1"], world.Approved().Select(a => a.expense.expenseId));
    }

    /// <summary>The expense topology as a <see cref="SimulatedApp"/>, fed with <see cref="ExpenseWorld"/> records.</summary>
    private sealed class CrashWorld : IDisposable
    {
        private readonly SimBroker broker = new();
        private readonly SimSerDes serDes;

        public CrashWorld(CrashModel model)
        {
            var url = $"inmemory://crash-{Guid.NewGuid():N}";
            var registry = new InMemorySchemaRegistryClient();
            SchemaRegistryClients.Register(url, registry);
            var factory = new SerDesFactory(registry);
            serDes = new SimSerDes(factory);
            App = new SimulatedApp("crash-expense", () => new ExpenseTopology(), s => new TopologyContext(s, Clock), factory, url, broker, model,
                [Topics.Expenses.Name, Topics.CardTransactions.Name], [Topics.ApprovedExpenses.Name, Topics.ExpenseDeadLetters.Name], Topics.MasterDataHistory.Name);
        }

        public SimulatedApp App { get; }

        public FakeTimeProvider Clock { get; } = new(ExpenseWorld.Today);

        public void MasterData(IEnumerable<(string Key, MasterDataHistory History)> records)
        {
            foreach (var (key, history) in records)
                broker.Append(Topics.MasterDataHistory.Name, new SimRecord(Encoding.UTF8.GetBytes(key), serDes.Serialize(history, Topics.MasterDataHistory.Name), null));
            while (App.Poll(Topics.MasterDataHistory.Name))
            {
            }
        }

        /// <summary>Appends <paramref name="line"/> to <c>ingest.expenses</c> and lets the application read it.</summary>
        public void Send(ExpenseLine line)
        {
            broker.Append(Topics.Expenses.Name, new SimRecord(Encoding.UTF8.GetBytes(line.expenseId), serDes.Serialize(line, Topics.Expenses.Name), null));
            Assert.True(App.Poll(Topics.Expenses.Name));
        }

        /// <summary>The approvals on the broker (committed).</summary>
        /// <summary>
        /// Five minutes later, crashes before the commit, reads the last line again and commits; then asserts that the
        /// approval was written twice, byte for byte, with the approval time <paramref name="expectedApprovalTime"/>.
        /// </summary>
        public void CrashFiveMinutesLaterAndReadTheLineAgain(DateTimeOffset expectedApprovalTime)
        {
            Clock.Advance(TimeSpan.FromMinutes(5));
            App.Crash();
            Assert.True(App.Poll(Topics.Expenses.Name));
            App.Commit();
            var approvals = ApprovedBytes();
            Assert.Equal(2, approvals.Count);
            Assert.Equal(approvals[0], approvals[1]);
            Assert.Equal(expectedApprovalTime.UtcDateTime, Approved()[1].envelope.eventTime);
        }

        /// <summary>The approvals on the broker (committed), as written.</summary>
        public List<byte[]> ApprovedBytes() => [.. broker.Topic(Topics.ApprovedExpenses.Name).Select(r => r.Value)];

        public List<ApprovedExpense> Approved() =>
            [.. broker.Topic(Topics.ApprovedExpenses.Name).Select(r => serDes.Deserialize<ApprovedExpense>(Topics.ApprovedExpenses.Name, r))];

        public void Dispose() => App.Dispose();
    }
}
