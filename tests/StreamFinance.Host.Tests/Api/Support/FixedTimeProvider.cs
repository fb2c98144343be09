namespace StreamFinance.Host.Tests.Api.Support;

/// <summary>A clock stopped at one instant, so that "today" is known in tests.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
