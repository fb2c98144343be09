using System.Globalization;
using Streamiz.Kafka.Net;

namespace StreamFinance.IntegrationTests.Crashes;

/// <summary>
/// Which crash runs the harness makes, from the environment: <c>STREAMFINANCE_CRASH_RUNS</c> (default
/// <see cref="ShortRuns"/>, the CI form; the long form uses 10 or more), <c>STREAMFINANCE_CRASH_SEED</c> (the seed of the
/// first run; given alone it makes exactly that one run, to reproduce a failure), <c>STREAMFINANCE_CRASH_REPORT</c> (a
/// file the summary table is appended to), <c>STREAMFINANCE_CRASH_GUARANTEE</c> (one guarantee for every run) and
/// <c>STREAMFINANCE_CRASH_LOGS</c> (a folder for the processes' output and, for a failed run, the posting topology's
/// records). Run <c>i</c> has seed <c>first + i</c>; a run's schedule depends on its seed (and the pinned guarantee) alone.
/// </summary>
internal static class CrashSettings
{
    /// <summary>Environment variable: how many runs.</summary>
    public const string RunsVariable = "STREAMFINANCE_CRASH_RUNS";

    /// <summary>Environment variable: the seed of the first run.</summary>
    public const string SeedVariable = "STREAMFINANCE_CRASH_SEED";

    /// <summary>Environment variable: a file the summary table is appended to.</summary>
    public const string ReportVariable = "STREAMFINANCE_CRASH_REPORT";

    /// <summary>Environment variable: <c>AT_LEAST_ONCE</c> or <c>EXACTLY_ONCE</c> for every run; unset, a run's seed decides (even: at least once).</summary>
    public const string GuaranteeVariable = "STREAMFINANCE_CRASH_GUARANTEE";

    /// <summary>Environment variable: a folder each pipeline process's whole output is written to, one file per start.</summary>
    public const string LogsVariable = "STREAMFINANCE_CRASH_LOGS";

    /// <summary>Runs in CI: two, each killed once or twice, in under 2 minutes on a 2-core machine.</summary>
    public const int ShortRuns = 2;

    /// <summary>Seed of the first run when none is given.</summary>
    public const int DefaultSeed = 20261207;

    /// <summary>The seeds of the runs to make, in order.</summary>
    public static IReadOnlyList<int> Seeds
    {
        get
        {
            var seed = Read(SeedVariable);
            var runs = Read(RunsVariable) ?? (seed is null ? ShortRuns : 1);
            return Enumerable.Range(0, runs).Select(i => (seed ?? DefaultSeed) + i).ToList();
        }
    }

    /// <summary>Whether this is the CI form (no run count given), whose runs are kept small.</summary>
    public static bool IsShortForm => Read(RunsVariable) is null;

    /// <summary>The guarantee every run is pinned to, or null when each run's seed decides.</summary>
    public static ProcessingGuarantee? Guarantee => Environment.GetEnvironmentVariable(GuaranteeVariable) is { Length: > 0 } text
        ? Enum.Parse<ProcessingGuarantee>(text, ignoreCase: true)
        : null;

    /// <summary>The folder for the processes' output, or null.</summary>
    public static string? LogFolder => Environment.GetEnvironmentVariable(LogsVariable) is { Length: > 0 } folder ? folder : null;

    /// <summary>The report file, or null.</summary>
    public static string? ReportFile => Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } file ? file : null;

    private static int? Read(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? int.Parse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;
}
