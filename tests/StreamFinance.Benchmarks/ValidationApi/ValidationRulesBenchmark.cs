using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Generator;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Host.Api.Http;
using StreamFinance.Host.Api.MasterData;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
using StreamFinance.Domain.Expenses;
using StreamFinance.Rules.Expenses;
using StreamFinance.Rules.Requisitions;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Benchmarks.ValidationApi;

/// <summary>
/// Service time of the validation rules without HTTP, one thread, closed loop: the <see cref="RequestMix"/>'s
/// validations evaluated against the RocksDB-backed global store (as the API does) and against an in-memory lookup of
/// the same data, so the cost of reading and decoding the store shows apart from the cost of the rules; and the decoding
/// of one stored value by Confluent's deserializer and by <see cref="AvroSpecificReader{T}"/>.
/// </summary>
internal static class ValidationRulesBenchmark
{
    public static async Task RunAsync(int iterations, int seed, TextWriter output, CancellationToken ct)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            // librdkafka complains when the broker goes away before the clients at the end of a run.
            .AddFilter("Streamiz", LogLevel.Critical));
        var generator = new SampleDataGenerator(seed);
        await using var stack = await BenchmarkStack.StartAsync(generator, loggerFactory, ct);
        var memory = new InMemoryMasterDataLookup();
        foreach (var history in stack.Histories())
            memory.Put(history);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var mix = RequestMix.Create(generator.World, today, seed);
        var expenses = mix.Where(r => r.Kind == "POST expense-coding")
            .Select(r => JsonSerializer.Deserialize(r.Body, ApiJsonContext.Default.ExpenseCodingBody)!.ToInput(new FieldErrors())!).ToList();
        var requisitions = mix.Where(r => r.Kind == "POST requisition")
            .Select(r => JsonSerializer.Deserialize(r.Body, ApiJsonContext.Default.RequisitionBody)!.ToInput(today, new FieldErrors())!).ToList();

        // Decoding one stored value: Confluent's deserializer (async inside, waited for) against the synchronous reader.
        var registry = SchemaRegistryClients.For(stack.RegistryUrl);
        var sample = memory.Find("COST_CENTER", "CC-1000")!;
        var valueContext = new SerializationContext(MessageComponentType.Value, Topics.MasterDataHistory.Name);
        var confluent = new SerDesFactory(registry).Avro<MasterDataHistory>();
        var bytes = confluent.Serialize(sample, valueContext);
        var reader = new AvroSpecificReader<MasterDataHistory>(registry);
        Measure(output, "decode: Confluent", iterations, _ => confluent.Deserialize(bytes, valueContext));
        Measure(output, "decode: AvroSpecificReader", iterations, _ => reader.Read(bytes));

        foreach (var (name, lookup) in new[] { ("store", stack.Lookup), ("in-memory", (IMasterDataLookup)memory) })
        {
            var masterData = new MasterDataReader(lookup);
            var expenseRules = new ExpenseRules(new ExpensePolicy(ExpenseOptions.Default()), new FxFallbackPolicy());
            var requisitionRules = new RequisitionRules(new FxFallbackPolicy());
            Measure(output, $"{name}: one look-up", iterations, i => lookup.Find("COST_CENTER", "CC-1000"));
            Measure(output, $"{name}: expense coding", iterations, i => expenseRules.Evaluate(expenses[i % expenses.Count], masterData, today, ExpenseCodingBody.Fields));
            Measure(output, $"{name}: requisition", iterations, i => requisitionRules.Evaluate(requisitions[i % requisitions.Count], masterData));
        }
    }

    private static void Measure(TextWriter output, string label, int iterations, Func<int, object?> action)
    {
        for (var i = 0; i < Math.Min(iterations, 2000); i++)
            action(i);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
            action(i);
        watch.Stop();
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / iterations;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-28} {watch.Elapsed.TotalMicroseconds / iterations,9:0.0} us/op {bytes,9} B/op"));
    }
}
