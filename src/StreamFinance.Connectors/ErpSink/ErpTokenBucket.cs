using System.Threading.RateLimiting;

namespace StreamFinance.Connectors.ErpSink;

/// <summary>
/// The token bucket of one ERP endpoint, as a <see cref="RateLimiter"/> for Polly's rate-limiter strategy: at most
/// <see cref="ErpSinkOptions.Burst"/> tokens, refilled continuously at <see cref="ErpSinkOptions.RequestsPerSecond"/> on
/// the given clock (.NET's <see cref="TokenBucketRateLimiter"/> measures elapsed time on the real clock even when
/// replenished by hand, so tests could not move its time). A call without a token waits on the clock until one has
/// accrued; none is refused.
/// </summary>
public sealed class ErpTokenBucket : RateLimiter
{
    private readonly object gate = new();
    private readonly TimeProvider clock;
    private readonly double rate;
    private readonly int burst;
    private double tokens;
    private long refilledAt;
    private long? idleSince;

    /// <summary>A full bucket for <paramref name="options"/>, on <paramref name="clock"/>.</summary>
    public ErpTokenBucket(ErpSinkOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        rate = options.RequestsPerSecond;
        burst = options.Burst;
        tokens = burst;
        refilledAt = clock.GetTimestamp();
        idleSince = refilledAt;
    }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
                return idleSince is { } since ? clock.GetElapsedTime(since) : null;
        }
    }

    /// <summary>Tokens available now.</summary>
    public double Available
    {
        get
        {
            lock (gate)
            {
                Refill();
                return tokens;
            }
        }
    }

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)tokens };
        }
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
            return TryTake(permitCount, out _) ? Lease.Acquired : Lease.Refused;
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount > burst)
            return Lease.Refused;
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                if (TryTake(permitCount, out wait))
                    return Lease.Acquired;
            }
            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool TryTake(int permits, out TimeSpan wait)
    {
        Refill();
        if (tokens >= permits)
        {
            tokens -= permits;
            idleSince = tokens >= burst ? clock.GetTimestamp() : null;
            wait = TimeSpan.Zero;
            return true;
        }
        idleSince = null;
        wait = TimeSpan.FromSeconds(Math.Max((permits - tokens) / rate, 0.001));
        return false;
    }

    private void Refill()
    {
        var now = clock.GetTimestamp();
        tokens = Math.Min(burst, tokens + clock.GetElapsedTime(refilledAt, now).TotalSeconds * rate);
        refilledAt = now;
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
