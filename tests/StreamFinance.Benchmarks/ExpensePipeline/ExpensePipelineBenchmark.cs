using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Generator;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Expenses;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Kafka.Audit;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
using StreamFinance.Benchmarks.Kafka;
using StreamFinance.Rules.Expenses;

namespace StreamFinance.Benchmarks.ExpensePipeline;

/// <summary>
/// Throughput of the expense topology (Avro in, dedupe, point-in-time look-ups, validation, routing, Avro out) on the
/// embedded broker against a raw Confluent.Kafka consume-and-produce passthrough of the same Avro bytes, in one run;
/// then the Avro cost per record and the rule evaluation cost per record, to show where the pipeline's time goes.
/// </summary>
internal static class ExpensePipelineBenchmark
{
    public static async Task RunAsync(int records, int seed, int streamThreads, TextWriter output, CancellationToken ct)
    {
        using var loggerFactory = PipelineBenchmarkRun.Logging();
        var generator = new SampleDataGenerator(seed);
        output.WriteLine(PipelineBenchmarkRun.Machine());
        output.WriteLine("Starting the embedded stack and running the sample master data through the master-data topology ...");
        await using var stack = await ExpenseBenchmarkStack.StartAsync(generator, streamThreads, loggerFactory, ct);

        var lines = ExpenseLines(generator, records);
        var serDes = stack.SerDes.Avro<ExpenseLine>();
        var context = new SerializationContext(MessageComponentType.Value, Topics.Expenses.Name);
        var payloads = lines.Select(line => serDes.Serialize(line, context)).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{lines.Count:N0} distinct expense lines, {payloads.Average(p => p.Length):0} Avro bytes each on average, written once and produced to both inputs ({Topics.Expenses.Partitions} partitions each)."));
        PipelineBenchmarkRun.ProduceBytes(stack.BootstrapServers, lines.Select(l => l.expenseId).ToList(), payloads, Topics.Expenses.Name, ExpenseBenchmarkStack.PassthroughInput);

        var warmup = lines.Count / 5;
        output.WriteLine($"Each path is timed after its first {warmup:N0} records (steady state), to its last.");
        output.WriteLine("Raw passthrough ...");
        var passthrough = RawPassthrough.Run(stack.BootstrapServers, ExpenseBenchmarkStack.PassthroughInput, ExpenseBenchmarkStack.PassthroughOutput, lines.Count, warmup, ct);
        output.WriteLine($"Streamiz passthrough ({streamThreads} stream thread(s)) ...");
        var streamiz = await StreamizPassthrough.RunAsync(stack, ExpenseBenchmarkStack.PassthroughInput, ExpenseBenchmarkStack.StreamizOutput, lines.Count, warmup, ct);
        output.WriteLine($"Expense topology (AT_LEAST_ONCE, {streamThreads} stream thread(s)) ...");
        var pipeline = await RunPipelineAsync(stack, lines.Count, warmup, ct);

        output.WriteLine();
        output.WriteLine(passthrough.Describe());
        output.WriteLine(streamiz.Describe());
        output.WriteLine(pipeline.Describe());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio pipeline/passthrough {pipeline.PerSecond / passthrough.PerSecond:0.00} (target at least 0.50: {(pipeline.PerSecond >= 0.5 * passthrough.PerSecond ? "met" : "NOT met")})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio Streamiz passthrough/raw passthrough {streamiz.PerSecond / passthrough.PerSecond:0.00}; pipeline/Streamiz passthrough {pipeline.PerSecond / streamiz.PerSecond:0.00}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"outcomes: {stack.Count(Topics.ApprovedExpenses.Name):N0} approved, {stack.Count(Topics.ExpenseDeadLetters.Name):N0} dead-lettered"));

        output.WriteLine();
        output.WriteLine("Where a record's time goes (one thread, per record):");
        var approved = ReadApproved(stack, Math.Min(lines.Count, 5_000));
        var costs = new[]
        {
            PerRecordCost.Deserialize("Avro deserialize ExpenseLine (input)", serDes, Topics.Expenses.Name, payloads),
            PerRecordCost.Serialize("Avro serialize ApprovedExpense (output)", stack.SerDes.Avro<ApprovedExpense>(), Topics.ApprovedExpenses.Name, approved),
            PerRecordCost.Measure("audit: masked snapshot of the approval", approved.Count, i => AuditPayload.Snapshot(approved[i])),
            PerRecordCost.Measure("audit: SHA-256 of the approval's Avro bytes", approved.Count, i => AuditPayload.Sha256(approved[i])),
            PerRecordCost.Measure("audit: whole event (id, snapshot, hash)", approved.Count, i => AuditOf(approved[i])),
            PerRecordCost.Serialize("Avro serialize AuditEvent (audit.emitted)", stack.SerDes.Avro<AuditEvent>(), Topics.AuditEmitted.Name, approved.Select(AuditOf).ToList()),
        };
        foreach (var cost in costs)
            output.WriteLine(cost.Describe());
        output.WriteLine(RuleCost(stack, lines).Describe());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"whole pipeline, per record (1 / throughput)",-44} {1e6 / pipeline.PerSecond,7:0.00} us/record"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"raw passthrough, per record",-44} {1e6 / passthrough.PerSecond,7:0.00} us/record"));
    }

    private static readonly AuditEventFactory Audits = new("expense");

    /// <summary>The <c>approved</c> audit event of <paramref name="approved"/>, as the expense topology makes it.</summary>
    private static AuditEvent AuditOf(ApprovedExpense approved) =>
        Audits.Create(AuditFact.About(approved.expense.envelope, AuditSteps.Approved, AuditOutcome.SUCCEEDED, approved.expense.expenseId) with { Payload = approved });

    private static List<ExpenseLine> ExpenseLines(SampleDataGenerator generator, int count)
    {
        var lines = new List<ExpenseLine>(count);
        var keys = new HashSet<string>();
        for (var attempts = 0; lines.Count < count && attempts < count * 20; attempts++)
            if (generator.NextTransaction().Value is ExpenseLine line && keys.Add(line.envelope.idempotencyKey))
                lines.Add(line);
        return lines;
    }

    private static async Task<Throughput> RunPipelineAsync(ExpenseBenchmarkStack stack, int count, int warmup, CancellationToken ct)
    {
        var service = stack.Start(new ExpenseTopology());
        await service.StartedAsync(ct);
        // Measured by output counts from the start: with two stream threads the first processes while the second joins,
        // so RUNNING can come after the last record.
        return await SteadyState.MeasureAsync("expense topology", () => stack.Count(Topics.ApprovedExpenses.Name, Topics.ExpenseDeadLetters.Name),
            count, warmup, TimeSpan.FromMinutes(10), ct);
    }

    private static List<ApprovedExpense> ReadApproved(ExpenseBenchmarkStack stack, int count)
    {
        var serDes = stack.SerDes.Avro<ApprovedExpense>();
        var context = new SerializationContext(MessageComponentType.Value, Topics.ApprovedExpenses.Name);
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = stack.BootstrapServers, GroupId = $"benchmark-read-{Guid.NewGuid():N}", AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(Topics.ApprovedExpenses.Name);
        var approved = new List<ApprovedExpense>(count);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (approved.Count < count && DateTime.UtcNow < deadline)
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } record)
                approved.Add(serDes.Deserialize(record.Message.Value, context));
        consumer.Close();
        return approved;
    }

    /// <summary>Enrichment and validation alone (look-ups against an in-memory copy of md.history), per line.</summary>
    private static PerRecordCost RuleCost(ExpenseBenchmarkStack stack, IReadOnlyList<ExpenseLine> lines)
    {
        var lookup = new InMemoryMasterDataLookup();
        foreach (var history in stack.Histories())
            lookup.Put(history);
        var evaluator = new ExpenseEvaluator(new ExpensePolicy(ExpenseOptions.Default()), new FxFallbackPolicy(), TimeProvider.System);
        return PerRecordCost.Measure("enrich + validate (in-memory look-ups)", lines.Count, i => evaluator.Evaluate(lines[i], lookup), operations: 100_000);
    }
}
