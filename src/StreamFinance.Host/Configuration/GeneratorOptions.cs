namespace StreamFinance.Host.Configuration;

/// <summary>
/// The sample-data generator that feeds the demo. Bound from the <c>Generator</c> configuration section.
/// </summary>
public sealed class GeneratorOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Generator";

    /// <summary>Whether <c>run</c> starts the generator too (the demo always does). Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Transaction records per second across all transaction topics. Default 50.</summary>
    public int RecordsPerSecond { get; set; } = 50;

    /// <summary>Seed of the random source, so that two runs with the same seed produce the same data. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Every problem with these settings, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate()
    {
        if (RecordsPerSecond is < 1 or > 100_000)
            yield return $"Generator:RecordsPerSecond is {RecordsPerSecond}: use 1 to 100000.";
    }
}
