using System.CommandLine;
using StreamFinance.Benchmarks.ValidationApi;

namespace StreamFinance.Benchmarks;

/// <summary>The benchmarks this program runs, one command each.</summary>
internal static class BenchmarkCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("StreamFinance benchmarks (not tests: run them in Release on a quiet machine).");
        root.Subcommands.Add(ValidationApiCommand());
        root.Subcommands.Add(ValidationRulesCommand());
        root.Subcommands.Add(ExpensePipelineCommand());
        root.Subcommands.Add(ConnectorIngestCommand());
        root.Subcommands.Add(ProcurementCommand());
        return root;
    }

    private static Command ProcurementCommand()
    {
        var records = new Option<int>("--records") { Description = "Distinct approved purchase orders pushed through each path.", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the sample data.", DefaultValueFactory = _ => 42 };
        var budgets = new Option<int>("--budget-factor")
        {
            Description = "Multiplies every sample budget before the run (1 keeps them: 250,000 USD per cost center, so most orders of a long run are held for budget).",
            DefaultValueFactory = _ => 1_000,
        };
        var command = new Command("procurement",
            "Throughput of the procurement topology on the embedded broker against a do-nothing Streamiz topology over the same Avro bytes, one run; prints the ratio.")
        {
            records, seed, budgets,
        };
        command.SetAction(async (parse, ct) =>
        {
            await Procurement.ProcurementBenchmark.RunAsync(
                Math.Max(1_000, parse.GetValue(records)), parse.GetValue(seed), Math.Max(1, parse.GetValue(budgets)), Console.Out, ct);
            return 0;
        });
        return command;
    }

    private static Command ConnectorIngestCommand()
    {
        var rows = new Option<int>("--rows") { Description = "CSV rows in the dropped file.", DefaultValueFactory = _ => 100_000 };
        var command = new Command("connector-ingest",
            "File-drop CSV ingest through the full connector path against a raw Confluent.Kafka produce of the same pre-serialized records, " +
            "same embedded broker, one run; prints records/s of each and the ratio.")
        {
            rows,
        };
        command.SetAction(async (parse, ct) =>
        {
            await ConnectorIngest.ConnectorIngestBenchmark.RunAsync(Math.Max(1, parse.GetValue(rows)), Console.Out, ct);
            return 0;
        });
        return command;
    }

    private static Command ExpensePipelineCommand()
    {
        var records = new Option<int>("--records") { Description = "Distinct expense lines pushed through each path.", DefaultValueFactory = _ => 50_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the sample data.", DefaultValueFactory = _ => 42 };
        var threads = new Option<int>("--stream-threads") { Description = "Stream threads of the Streamiz passthrough and of the expense topology (Streams:NumStreamThreads).", DefaultValueFactory = _ => 1 };
        var command = new Command("expense-pipeline",
            "Throughput of the expense topology on the embedded broker against a raw consume-and-produce passthrough of the same Avro bytes, " +
            "in one run; then Avro and rule costs per record.")
        {
            records, seed, threads,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(threads) is < 1 or > 6)
            {
                Console.Error.WriteLine("expense-pipeline: --stream-threads: use 1 to 6 (ingest.expenses has 6 partitions).");
                return 2;
            }
            await ExpensePipeline.ExpensePipelineBenchmark.RunAsync(Math.Max(1_000, parse.GetValue(records)), parse.GetValue(seed), parse.GetValue(threads), Console.Out, ct);
            return 0;
        });
        return command;
    }

    private static Command ValidationRulesCommand()
    {
        var iterations = new Option<int>("--iterations") { Description = "Evaluations per measurement.", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the sample data and of the request mix.", DefaultValueFactory = _ => 42 };
        var command = new Command("validation-rules",
            "Service time of the validation rules without HTTP (one thread), against the RocksDB-backed store and against an in-memory look-up.")
        {
            iterations, seed,
        };
        command.SetAction(async (parse, ct) =>
        {
            await ValidationRulesBenchmark.RunAsync(Math.Max(1, parse.GetValue(iterations)), parse.GetValue(seed), Console.Out, ct);
            return 0;
        });
        return command;
    }

    private static Command ValidationApiCommand()
    {
        var rate = new Option<int>("--rate") { Description = "Requests per second, open loop.", DefaultValueFactory = _ => 2000 };
        var duration = new Option<int>("--duration") { Description = "Measured seconds per run.", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up seconds before each measured run (excluded).", DefaultValueFactory = _ => 5 };
        var connections = new Option<int>("--connections") { Description = "Most HTTP/1.1 connections the client keeps open.", DefaultValueFactory = _ => 64 };
        var seed = new Option<int>("--seed") { Description = "Seed of the sample data and of the request mix.", DefaultValueFactory = _ => 42 };
        var command = new Command("validation-api",
            "Open-loop load on the validation API (mixed look-ups and validations) over loopback against an in-process embedded stack, " +
            "then the same load on a trivial endpoint of the same Kestrel; prints latency percentiles measured from each request's scheduled send time.")
        {
            rate, duration, warmup, connections, seed,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new ValidationApiBenchmarkSettings(
                parse.GetValue(rate), TimeSpan.FromSeconds(parse.GetValue(duration)), TimeSpan.FromSeconds(parse.GetValue(warmup)),
                parse.GetValue(connections), parse.GetValue(seed));
            foreach (var problem in settings.Validate())
            {
                Console.Error.WriteLine($"validation-api: {problem}");
                return 2;
            }
            await ValidationApiBenchmark.RunAsync(settings, Console.Out, ct);
            return 0;
        });
        return command;
    }
}
