namespace StreamFinance.Connectors.Generator;

/// <summary>The synthetic-data generator connector, for the demo and the benchmarks.</summary>
public sealed class GeneratorConnectorOptions
{
    /// <summary>Transaction records per second across all transaction topics. Default 50.</summary>
    public int RecordsPerSecond { get; set; } = 50;

    /// <summary>Seed of the random source: the same seed gives the same records. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Share (0 to 1) of records that re-send an earlier record with the same idempotency key, as vendors do. Default 0.02.</summary>
    public double DuplicateShare { get; set; } = 0.02;

    /// <summary>
    /// Share (0 to 1) of records made invalid on purpose, in equal parts: unparseable bytes (dead-lettered by the
    /// connector), an expense on the inactive cost center, an expense without receipt (both rejected downstream). Default 0.03.
    /// </summary>
    public double InvalidShare { get; set; } = 0.03;

    /// <summary>Whether the sample master data is written once before the transactions. Default true.</summary>
    public bool WriteMasterData { get; set; } = true;

    /// <summary>Every problem with these settings, each phrased so a person can fix it; <paramref name="prefix"/> names the section.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (RecordsPerSecond is < 1 or > 100_000)
            yield return $"{prefix}:RecordsPerSecond is {RecordsPerSecond}: use 1 to 100000.";
        if (DuplicateShare is < 0 or > 0.5 || double.IsNaN(DuplicateShare))
            yield return $"{prefix}:DuplicateShare is {DuplicateShare}: use 0 to 0.5.";
        if (InvalidShare is < 0 or > 0.5 || double.IsNaN(InvalidShare))
            yield return $"{prefix}:InvalidShare is {InvalidShare}: use 0 to 0.5.";
    }
}
