using Confluent.Kafka;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Producing;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.IntegrationTests.DeadLetters;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.IntegrationTests.Support;
using StreamFinance.TestSupport.Kafka;
using StreamFinance.TestSupport.Waiting;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.IntegrationTests.Expenses;

/// <summary>
/// Issue 11, the start-up race as an operator met it: at a fresh start expense lines are already waiting on
/// <c>ingest.expenses</c> while <c>md.history</c> is still empty, and master data reaches the expense topology's global
/// table only as the master-data topology works through <c>md.updates</c>. Both topologies run as real
/// <c>KafkaStream</c>s on one stack; the topologies use the catalog's fixed topic names, so each stack runs this once.
/// </summary>
public abstract class MasterDataRaceScenarios(KafkaStackFixture fixture)
{
    private const int LineCount = 120;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly UniqueNames names = new();

    [Fact]
    public async Task Lines_that_arrive_before_master_data_has_loaded_wait_for_it_and_all_end_approved()
    {
        var stack = fixture.Stack;
        var ct = TestContext.Current.CancellationToken;
        using var expenses = await HostedTopologyRun.PrepareAsync(stack, new ExpenseTopology(), names.For("it"));
        using var masterData = await HostedTopologyRun.PrepareAsync(stack, new MasterDataTopology(), names.For("it"));
        var generator = new SampleDataGenerator(11);
        var lines = ValidLines(generator.World).ToList();
        using var producer = new CanonicalRecordProducer(expenses.Kafka, expenses.SerDes, "race-scenario");
        foreach (var line in lines)
            await producer.ProduceAsync(Topics.Expenses, line.expenseId, line, ct);

        // 1. A fresh expense topology, md.history empty: every line waits, none is dead-lettered.
        using var expenseApp = await expenses.StartAsync(ct);
        var waiting = Eventually(() =>
        {
            NoDeadLetters(expenses.SerDes, "before master data had loaded");
            return expenseApp.StoreEntries<HeldRecord>(ExpenseNames.MasterDataWaitStore) is { Count: LineCount } held ? held : null;
        }, expenseApp, $"all {LineCount} lines waiting in {ExpenseNames.MasterDataWaitStore}");
        Assert.All(waiting, w => Assert.Equal("UNKNOWN_EMPLOYEE", Assert.Single(w.Value.reasons).code));
        Assert.Empty(Read(Topics.ApprovedExpenses, expenses.SerDes));

        // 2. Master data arrives afterwards, through the master-data topology.
        foreach (var record in generator.MasterData())
            await producer.ProduceAsync(record.Topic, record.Key, record.Value, ct);
        using var masterDataApp = await masterData.StartAsync(ct);

        // 3. Every line ends approved, once, with the entity and cost center of its employee.
        var approved = Eventually(() => Read(Topics.ApprovedExpenses, expenses.SerDes) is { Count: >= LineCount } all ? all : null,
            expenseApp, $"{LineCount} approved expenses");
        Assert.Equal(lines.Select(l => l.expenseId).Order(), approved.Select(a => a.expense.expenseId).Order());
        Assert.All(approved, a =>
        {
            var employee = generator.World.Employees.Single(e => e.Id == a.expense.employeeId);
            Assert.Equal((employee.Entity, employee.CostCenter), (a.legalEntityId, a.costCenterId));
        });
        NoDeadLetters(expenses.SerDes, "while master data loaded");
        Assert.Empty(expenseApp.StoreEntries<HeldRecord>(ExpenseNames.MasterDataWaitStore) ?? []);
    }

    /// <summary>Lines that master data of the sample world approves: each employee's own cost center, a small software purchase in the entity's currency with receipt, dated today.</summary>
    private static IEnumerable<ExpenseLine> ValidLines(SampleWorld world)
    {
        var today = DateTime.SpecifyKind(DateTime.UtcNow.Date, DateTimeKind.Utc);
        for (var i = 0; i < LineCount; i++)
        {
            var employee = world.Employees[i % world.Employees.Count];
            var entity = world.Entities.Single(e => e.Id == employee.Entity);
            var taxCode = world.TaxCodes.First(t => t.Jurisdiction == entity.Country).Id;
            var id = $"EXP-RACE-{i:0000}";
            yield return new ExpenseLine
            {
                envelope = new Envelope
                {
                    eventId = Guid.NewGuid(), correlationId = $"race:{id}", sourceSystem = "concur", sourceId = id,
                    eventTime = DateTime.UtcNow, ingestTime = DateTime.UtcNow, idempotencyKey = $"race:{id}:1",
                },
                reportId = $"RPT-{employee.Id}", expenseId = id, employeeId = employee.Id, merchant = "GitHub", category = "SOFTWARE",
                transactionDate = today, amount = (entity.Currency == "JPY" ? 2000m : 20m).ToMoney(entity.Currency), tax = null,
                receiptAttached = true, cardTransactionId = null, costCenterId = employee.CostCenter, projectId = null, glAccountId = null,
                taxCodeId = taxCode, chargedEntityId = null, description = "race",
            };
        }
    }

    private void NoDeadLetters(SerDesFactory serDes, string when)
    {
        var deadLetters = Read(Topics.ExpenseDeadLetters, serDes);
        if (deadLetters.Count > 0)
            Assert.Fail($"{deadLetters.Count} line(s) dead-lettered {when}: " +
                string.Join(", ", deadLetters.GroupBy(d => d.reasonCode).Select(g => $"{g.Count()} {g.Key}")) + $"; first: {deadLetters[0].message}");
    }

    private List<T> Read<T>(Topic<string, T> topic, SerDesFactory serDes) where T : class, Avro.Specific.ISpecificRecord =>
        TopicReader.ReadValues(fixture.Stack.BootstrapServers, topic, serDes, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

    /// <summary>Polls <paramref name="probe"/> until it answers; fails when <see cref="Patience"/> runs out or the application stops.</summary>
    private static T Eventually<T>(Func<T?> probe, RunningStreamsApp app, string what) where T : class =>
        Wait.Until(what, Patience, probe, found => found is not null, _ => "nothing yet", TimeSpan.FromMilliseconds(500), () => app.Failure)!;
}
