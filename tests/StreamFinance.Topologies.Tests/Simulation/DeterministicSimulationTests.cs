using System.Globalization;

namespace StreamFinance.Topologies.Tests.Simulation;

/// <summary>
/// The deterministic simulation (<see cref="Simulation"/>) over many seeds. CI runs <see cref="CiSeeds"/> seeds;
/// <c>STREAMFINANCE_SIM_SEEDS=5000</c> runs more, <c>STREAMFINANCE_SIM_FIRST_SEED</c> moves the first one, and
/// <c>STREAMFINANCE_SIM_SEED=n</c> runs seed n alone, as a failure message says.
/// </summary>
public class DeterministicSimulationTests(ITestOutputHelper output)
{
    public const int CiSeeds = 100;

    /// <summary>Expense lines per seed (card transactions, master data and repeats come on top).</summary>
    public const int LinesPerSeed = 12;

    [Fact]
    public void Random_workloads_with_redelivery_duplicates_reordering_late_data_master_data_changes_and_crashes_keep_every_invariant()
    {
        var seeds = Seeds();
        var results = new SimulationFigures?[seeds.Count];
        var failures = new SimulationFailure?[seeds.Count];
        // Seeds are independent (own broker, drivers, registry and state folders): one per core.
        Parallel.For(0, seeds.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            using var simulation = new Simulation(seeds[i], LinesPerSeed);
            try
            {
                results[i] = simulation.Run();
            }
            catch (SimulationFailure failure)
            {
                failures[i] = failure;
            }
        });
        var failed = failures.Where(f => f is not null).ToList();
        if (failed.Count > 0)
        {
            var seedsFailed = string.Join(", ", seeds.Where((_, i) => failures[i] is not null));
            Report($"Seeds {seeds.First()}..{seeds.Last()}: {failed.Count} failed ({seedsFailed}){Environment.NewLine}{failed[0]!.Message}");
            throw new SimulationFailure($"{failed.Count} of {seeds.Count} seeds failed: {seedsFailed}.{Environment.NewLine}{failed[0]!.Message}");
        }
        var total = results.Aggregate(new SimulationFigures(), (sum, figures) => sum.Add(figures!));
        Report($"Seeds {seeds.First()}..{seeds.Last()}: {total}");
        Assert.Equal(total.Lines, total.Approved + total.LinesDeadLettered);
    }

    [Fact]
    public void A_seed_replays_the_same_run()
    {
        using var first = new Simulation(7, LinesPerSeed);
        using var second = new Simulation(7, LinesPerSeed);

        var a = first.Run() with { Elapsed = TimeSpan.Zero };
        var b = second.Run() with { Elapsed = TimeSpan.Zero };

        Assert.Equal(a.ToString(), b.ToString());
        Assert.Equal(first.Trace, second.Trace);
    }

    [Fact]
    public void A_pipeline_whose_restarts_forget_their_stores_fails_the_simulation_with_a_seed_to_reproduce()
    {
        var failure = Enumerable.Range(1, 12).Select(seed =>
        {
            using var simulation = new Simulation(seed, LinesPerSeed, restoresStores: false);
            return Record.Exception(() => simulation.Run());
        }).FirstOrDefault(e => e is not null);

        var simulationFailure = Assert.IsType<SimulationFailure>(failure);
        Assert.Contains("STREAMFINANCE_SIM_SEED=", simulationFailure.Message, StringComparison.Ordinal);
        output.WriteLine(simulationFailure.Message);
    }

    /// <summary>Writes to the test output and, with <c>STREAMFINANCE_SIM_REPORT=path</c>, appends to that file.</summary>
    private void Report(string text)
    {
        output.WriteLine(text);
        if (Environment.GetEnvironmentVariable("STREAMFINANCE_SIM_REPORT") is { Length: > 0 } report)
            File.AppendAllText(report, text + Environment.NewLine);
    }

    private static List<int> Seeds()
    {
        if (Number("STREAMFINANCE_SIM_SEED") is { } one)
            return [one];
        var first = Number("STREAMFINANCE_SIM_FIRST_SEED") ?? 1;
        return [.. Enumerable.Range(first, Number("STREAMFINANCE_SIM_SEEDS") ?? CiSeeds)];
    }

    private static int? Number(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
