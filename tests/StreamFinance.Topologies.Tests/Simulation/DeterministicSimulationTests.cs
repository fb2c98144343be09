using System.Globalization;

namespace StreamFinance.Topologies.Tests.Simulation;

/// <summary>
/// The deterministic simulation (<see cref="Simulation"/>) over many seeds. CI runs <see cref="CiSeeds"/> seeds;
/// <c>STREAMFINANCE_SIM_SEEDS=5000</c> runs more, <c>STREAMFINANCE_SIM_FIRST_SEED</c> moves the first one, and
/// <c>STREAMFINANCE_SIM_SEED=n</c> runs seed n alone, as a failure message says.
/// </summary>
public class DeterministicSimulationTests(ITestOutputHelper output)
{
    public const int CiSeeds = 200;

    /// <summary>Expense lines per seed (card transactions, master data and repeats come on top).</summary>
    public const int LinesPerSeed = 24;

    [Fact]
    public void Random_workloads_with_redelivery_duplicates_reordering_late_data_master_data_changes_and_crashes_keep_every_invariant()
    {
        var seeds = Seeds();
        var total = new SimulationFigures();
        foreach (var seed in seeds)
        {
            using var simulation = new Simulation(seed, LinesPerSeed);
            total = total.Add(simulation.Run());
        }
        output.WriteLine($"Seeds {seeds.First()}..{seeds.Last()}: {total}");
        if (Environment.GetEnvironmentVariable("STREAMFINANCE_SIM_REPORT") is { Length: > 0 } report)
            File.AppendAllText(report, $"Seeds {seeds.First()}..{seeds.Last()}: {total}{Environment.NewLine}");
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
