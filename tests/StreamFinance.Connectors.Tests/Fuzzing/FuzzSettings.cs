using System.Globalization;

namespace StreamFinance.Connectors.Tests.Fuzzing;

/// <summary>
/// How many inputs each fuzz target gets and from which seed, from the environment: <c>STREAMFINANCE_FUZZ_INPUTS</c>
/// (default <see cref="ShortInputs"/>, the CI form) and <c>STREAMFINANCE_FUZZ_SEED</c> (default <see cref="DefaultSeed"/>).
/// Input <c>i</c> of a target is generated from the seed and <c>i</c> alone, so a failure names both and is reproduced
/// by running that target with the same seed.
/// </summary>
internal static class FuzzSettings
{
    /// <summary>Environment variable: inputs per target; the full run uses 100000.</summary>
    public const string InputsVariable = "STREAMFINANCE_FUZZ_INPUTS";

    /// <summary>Environment variable: the seed of every target's generator.</summary>
    public const string SeedVariable = "STREAMFINANCE_FUZZ_SEED";

    /// <summary>Inputs per target in CI: the whole fuzz suite stays well under 30 s on a 2-core machine.</summary>
    public const int ShortInputs = 1500;

    /// <summary>Seed when none is given.</summary>
    public const int DefaultSeed = 20261207;

    /// <summary>Inputs per target.</summary>
    public static int Inputs => Read(InputsVariable, ShortInputs);

    /// <summary>The seed.</summary>
    public static int Seed => Read(SeedVariable, DefaultSeed);

    private static int Read(string variable, int fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? int.Parse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture)
            : fallback;
}
