using Confluent.Kafka;
using StreamFinance.Kafka.Hosting.Health;

namespace StreamFinance.Kafka.Hosting.Clients;

/// <summary>
/// A stream thread's main consumer that <see cref="InputBacklog"/> can read from another thread (assignment, positions,
/// cached watermarks) until the stream thread closes it; the stream thread that polls it becomes a background thread
/// (<see cref="BackgroundStreamThread"/>). Everything else passes through unchanged.
/// </summary>
public sealed class TrackedConsumer : DelegatingConsumer
{
    private readonly object gate = new();
    private readonly InputBacklog backlog;
    private bool closed;

    /// <summary>Wraps <paramref name="inner"/> and registers it with <paramref name="backlog"/>.</summary>
    /// <param name="inner">The consumer Streamiz would have used.</param>
    /// <param name="config">Its configuration, for the probes of <paramref name="backlog"/>.</param>
    /// <param name="backlog">Where it is tracked until closed.</param>
    /// <param name="transientError">Told each transient fetch error skipped (see <see cref="DelegatingConsumer"/>).</param>
    public TrackedConsumer(IConsumer<byte[], byte[]> inner, ConsumerConfig config, InputBacklog backlog, Action<Error>? transientError = null)
        : base(inner, transientError)
    {
        ArgumentNullException.ThrowIfNull(backlog);
        Config = config ?? throw new ArgumentNullException(nameof(config));
        this.backlog = backlog;
        backlog.Track(this);
    }

    /// <summary>The consumer's configuration.</summary>
    public ConsumerConfig Config { get; }

    /// <summary>
    /// Runs <paramref name="query"/> on the consumer unless it was closed; a query that fails because the consumer is
    /// closing counts as closed. Never runs at the same time as <see cref="Close"/> or <see cref="IDisposable.Dispose"/>.
    /// </summary>
    public bool TryQuery<T>(Func<IConsumer<byte[], byte[]>, T> query, out T result)
    {
        ArgumentNullException.ThrowIfNull(query);
        result = default!;
        lock (gate)
        {
            if (closed)
                return false;
            try
            {
                result = query(Inner);
                return true;
            }
            catch (Exception e) when (e is KafkaException or ObjectDisposedException or InvalidOperationException)
            {
                return false;
            }
        }
    }

    /// <inheritdoc />
    public override void Close()
    {
        MarkClosed();
        Inner.Close();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
            MarkClosed();
        base.Dispose(disposing);
    }

    private void MarkClosed()
    {
        lock (gate)
            closed = true;
        backlog.Untrack(this);
    }
}
