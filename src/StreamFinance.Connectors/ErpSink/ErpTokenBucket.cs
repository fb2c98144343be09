using System.Threading.RateLimiting;

namespace StreamFinance.Connectors.ErpSink;

/// <summary>
/// The token bucket of one ERP endpoint: <see cref="ErpSinkOptions.Burst"/> tokens at most, refilled at
/// <see cref="ErpSinkOptions.RequestsPerSecond"/> by a timer of the given clock (not the limiter's own wall-clock timer),
/// so tests move time instead of sleeping. Calls wait in order for a token; none is refused.
/// </summary>
public sealed class ErpTokenBucket : IDisposable
{
    private readonly ITimer refill;

    /// <summary>A bucket for <paramref name="options"/>, refilled on <paramref name="clock"/>.</summary>
    public ErpTokenBucket(ErpSinkOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        // Refill at most every 50 ms: a faster rate adds several tokens per tick instead of a timer per token.
        var periodSeconds = Math.Max(1 / options.RequestsPerSecond, 0.05);
        var tokens = Math.Max(1, (int)Math.Round(options.RequestsPerSecond * periodSeconds));
        Period = TimeSpan.FromSeconds(tokens / options.RequestsPerSecond);
        Limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = Period,
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        refill = clock.CreateTimer(_ => Limiter.TryReplenish(), null, Period, Period);
    }

    /// <summary>The limiter Polly's rate-limiter strategy asks.</summary>
    public TokenBucketRateLimiter Limiter { get; }

    /// <summary>How often tokens are added.</summary>
    public TimeSpan Period { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        refill.Dispose();
        Limiter.Dispose();
    }
}
