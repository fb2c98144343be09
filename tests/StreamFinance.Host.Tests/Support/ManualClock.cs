namespace StreamFinance.Host.Tests.Support;

/// <summary>A clock that only moves when the test moves it.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;

    public void Advance(double seconds) => Advance(TimeSpan.FromSeconds(seconds));
}
