using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamFinance.Benchmarks.ExpensePipeline;
using StreamFinance.Benchmarks.Kafka;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Producing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Kafka.Audit;
using StreamFinance.Rules.Lookups;
using StreamFinance.Rules.Procurement;
using StreamFinance.Topologies.Procurement;

namespace StreamFinance.Benchmarks.Procurement;

/// <summary>
/// Throughput of the procurement topology (Avro in, shape check, re-key and repartition by legal entity, dedupe,
/// point-in-time purchase order rules, budget rule over the task's stores, commitment or hold, status, audit) on the
/// embedded broker against a Streamiz topology that does nothing (source -> sink) over the same Avro bytes, in one run.
/// Every approved order ends in exactly one status (COMMITTED or HELD), so the topology is timed by
/// <c>status.purchase-orders</c>.
/// </summary>
internal static class ProcurementBenchmark
{
    public static async Task RunAsync(int records, int seed, decimal budgetFactor, TextWriter output, CancellationToken ct)
    {
        using var loggerFactory = PipelineBenchmarkRun.Logging();
        var generator = new SampleDataGenerator(seed);
        output.WriteLine(PipelineBenchmarkRun.Machine());
        output.WriteLine("Starting the embedded stack and running the sample master data through the master-data topology ...");
        await using var stack = await ExpenseBenchmarkStack.StartAsync(generator, 1, loggerFactory, ct, new ProcurementTopology());
        if (budgetFactor != 1m)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Every sample budget raised {budgetFactor:N0} times through the master-data topology ..."));
            await RaiseBudgetsAsync(stack, generator, budgetFactor, ct);
        }

        var orders = PurchaseOrders(generator, records);
        var serDes = stack.SerDes.Avro<PurchaseOrder>();
        var context = new SerializationContext(MessageComponentType.Value, Topics.PurchaseOrders.Name);
        var payloads = orders.Select(order => serDes.Serialize(order, context)).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{orders.Count:N0} distinct approved purchase orders of {orders.Select(o => o.legalEntityId).Distinct().Count()} legal entities, " +
            $"{payloads.Average(p => p.Length):0} Avro bytes each on average, produced to both inputs ({Topics.PurchaseOrders.Partitions} partitions each)."));
        PipelineBenchmarkRun.ProduceBytes(stack.BootstrapServers, orders.Select(o => o.poNumber).ToList(), payloads, Topics.PurchaseOrders.Name, ExpenseBenchmarkStack.PassthroughInput);

        var warmup = orders.Count / 5;
        output.WriteLine($"Each path is timed after its first {warmup:N0} records (steady state), to its last.");
        output.WriteLine("Streamiz passthrough (1 stream thread) ...");
        var streamiz = await StreamizPassthrough.RunAsync(stack, ExpenseBenchmarkStack.PassthroughInput, ExpenseBenchmarkStack.StreamizOutput, orders.Count, warmup, ct);
        output.WriteLine("Procurement topology (AT_LEAST_ONCE, 1 stream thread) ...");
        var service = stack.Start(new ProcurementTopology());
        await service.StartedAsync(ct);
        var topology = await SteadyState.MeasureAsync("procurement topology", () => stack.Count(Topics.PurchaseOrderStatus.Name), orders.Count, warmup, TimeSpan.FromMinutes(10), ct);

        output.WriteLine();
        output.WriteLine(streamiz.Describe());
        output.WriteLine(topology.Describe());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio procurement/Streamiz passthrough {topology.PerSecond / streamiz.PerSecond:0.00} (DESIGN.md target at least 0.40: {(topology.PerSecond >= 0.4 * streamiz.PerSecond ? "met" : "NOT met")}); " +
            $"CPU per record {topology.CpuPerRecordMicros - streamiz.CpuPerRecordMicros:0.0} us more than the passthrough's"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"outcomes: {stack.Count(Topics.PurchaseOrderStatus.Name):N0} statuses, {stack.Count(Topics.Commitments.Name):N0} commitments, " +
            $"{stack.Count(Topics.PurchaseOrdersHeld.Name):N0} hold records, {stack.Count(Topics.ProcurementDeadLetters.Name):N0} dead letters"));

        output.WriteLine();
        output.WriteLine("Where a record's time goes (one thread, per record):");
        var lookup = new InMemoryMasterDataLookup();
        foreach (var history in stack.Histories())
            lookup.Put(history);
        var reader = new MasterDataReader(lookup);
        var rules = new PurchaseOrderRules(new FxFallbackPolicy());
        var audits = new AuditEventFactory(ProcurementTopology.TopologyName);
        var status = ProcurementRecords.Status(orders[0], BusinessStatus.COMMITTED, "COMMIT", DateTimeOffset.UtcNow);
        foreach (var cost in new[]
        {
            PerRecordCost.Deserialize("Avro deserialize PurchaseOrder (input)", serDes, Topics.PurchaseOrders.Name, payloads),
            PerRecordCost.Measure("purchase order rules (in-memory look-ups)", orders.Count, i => rules.Evaluate(orders[i], reader), operations: 50_000),
            PerRecordCost.Measure("audit: whole event of a decision", orders.Count,
                i => audits.Create(AuditFact.About(orders[i].envelope, AuditSteps.Committed, AuditOutcome.SUCCEEDED, orders[i].poNumber) with { Payload = orders[i] })),
            PerRecordCost.Serialize("Avro serialize StatusUpdate (output)", stack.SerDes.Avro<StatusUpdate>(), Topics.PurchaseOrderStatus.Name, [status]),
        })
            output.WriteLine(cost.Describe());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"whole topology, per record (1 / throughput)",-44} {1e6 / topology.PerSecond,7:0.00} us/record"));
    }

    /// <summary>Each sample budget of this month, multiplied by <paramref name="factor"/> in a version in force from today, through md.updates; waits until md.history settles.</summary>
    private static async Task RaiseBudgetsAsync(ExpenseBenchmarkStack stack, SampleDataGenerator generator, decimal factor, CancellationToken ct)
    {
        var today = DateTime.SpecifyKind(DateTime.UtcNow.Date, DateTimeKind.Utc);
        var budgets = generator.MasterData().Select(r => r.Value).OfType<MasterDataUpdate>()
            .Where(u => u.objectType == MasterDataObjectType.BUDGET).Select(u => (Budget)u.payload).ToList();
        using (var producer = new CanonicalRecordProducer(stack.Kafka, stack.SerDes, "benchmark-budgets"))
            foreach (var budget in budgets)
            {
                var change = generator.BudgetChange(budget.budgetId, budget.amount.ToDecimal() * factor, today);
                await producer.ProduceAsync(change.Topic, change.Key, change.Value, ct);
            }
        await stack.WaitUntilSettledAsync(Topics.MasterDataHistory.Name, ct);
    }

    private static List<PurchaseOrder> PurchaseOrders(SampleDataGenerator generator, int count)
    {
        var orders = new List<PurchaseOrder>(count);
        var numbers = new HashSet<string>();
        for (var attempts = 0; orders.Count < count && attempts < count * 40; attempts++)
            if (generator.NextTransaction().Value is PurchaseOrder order && numbers.Add(order.poNumber))
                orders.Add(order);
        return orders;
    }
}
