namespace StreamFinance.Connectors.Tests.Fuzzing;

/// <summary>What one fuzz input ended as: how many records it gave and how many failures its component stated.</summary>
internal readonly record struct FuzzOutcome(int Records, int Failures)
{
    /// <summary>One record.</summary>
    public static FuzzOutcome Record { get; } = new(1, 0);

    /// <summary>One stated failure.</summary>
    public static FuzzOutcome Failure { get; } = new(0, 1);

    public static FuzzOutcome operator +(FuzzOutcome a, FuzzOutcome b) => new(a.Records + b.Records, a.Failures + b.Failures);
}
