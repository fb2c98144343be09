namespace StreamFinance.Topologies.Tests.DeadLetters;

/// <summary>A clock that always reads <see cref="Now"/>.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; } = now;

    public static FixedClock AtNoon() => new(Noon);

    public override DateTimeOffset GetUtcNow() => Now;
}
