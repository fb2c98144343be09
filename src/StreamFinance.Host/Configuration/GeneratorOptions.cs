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

    /// <summary>Share (0 to 0.5) of records that re-send an earlier record with the same idempotency key. Default 0.02.</summary>
    public double DuplicateShare { get; set; } = 0.02;

    /// <summary>Share (0 to 0.5) of invalid records: unparseable (dead-lettered by the connector), inactive cost center or missing receipt (rejected downstream). Default 0.03.</summary>
    public double InvalidShare { get; set; } = 0.03;

    /// <summary>These settings as the options of the generator connector.</summary>
    public Connectors.Generator.GeneratorConnectorOptions ToConnectorOptions() => new()
    {
        RecordsPerSecond = RecordsPerSecond, Seed = Seed, DuplicateShare = DuplicateShare, InvalidShare = InvalidShare,
    };

    /// <summary>Every problem with these settings, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate()
    {
        if (RecordsPerSecond is < 1 or > 100_000)
            yield return $"Generator:RecordsPerSecond is {RecordsPerSecond}: use 1 to 100000.";
        if (DuplicateShare is < 0 or > 0.5 || double.IsNaN(DuplicateShare))
            yield return $"Generator:DuplicateShare is {DuplicateShare}: use 0 to 0.5.";
        if (InvalidShare is < 0 or > 0.5 || double.IsNaN(InvalidShare))
            yield return $"Generator:InvalidShare is {InvalidShare}: use 0 to 0.5.";
    }
}
