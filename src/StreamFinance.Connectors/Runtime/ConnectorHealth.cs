namespace StreamFinance.Connectors.Runtime;

/// <summary>
/// The live health of one connector, kept in step with <see cref="ConnectorMetrics"/>: whether it is up, when it last
/// succeeded, and its error and retry counts. Thread-safe.
/// </summary>
public sealed class ConnectorHealth
{
    private readonly object gate = new();
    private readonly TimeProvider clock;
    private readonly ConnectorMetrics metrics;
    private long errors;
    private long retries;

    /// <summary>Health of connector <paramref name="connector"/>; down until <see cref="Started"/>.</summary>
    /// <param name="connector">The connector's name, which labels its series.</param>
    /// <param name="clock">Time of the last success. Default: the system clock.</param>
    /// <param name="metrics">Where up, last success, errors and retries are exported. Default: <see cref="ConnectorMetrics.Detached"/>.</param>
    public ConnectorHealth(string connector, TimeProvider? clock = null, ConnectorMetrics? metrics = null)
    {
        Connector = connector;
        this.clock = clock ?? TimeProvider.System;
        this.metrics = metrics ?? ConnectorMetrics.Detached();
        this.metrics.Up.WithLabels(connector).Set(0);
    }

    /// <summary>The connector's name.</summary>
    public string Connector { get; }

    /// <summary>Whether the connector runs and its last attempt succeeded.</summary>
    public bool IsUp { get; private set; }

    /// <summary>When the last file, poll or webhook succeeded; null before the first.</summary>
    public DateTimeOffset? LastSuccess { get; private set; }

    /// <summary>The last error, for a person; null after a success.</summary>
    public string? LastError { get; private set; }

    /// <summary>Failed attempts so far.</summary>
    public long Errors => Interlocked.Read(ref errors);

    /// <summary>Retries so far.</summary>
    public long Retries => Interlocked.Read(ref retries);

    /// <summary>One line for <c>/health/ready</c>, e.g. <c>up; last success 2026-11-26T05:00:00Z; 0 errors; 2 retries</c>.</summary>
    public string Describe()
    {
        lock (gate)
            return $"{(IsUp ? "up" : "down")}; last success {LastSuccess?.ToString("O") ?? "never"}; {Errors} errors; {Retries} retries" +
                   (LastError is null ? "" : $"; last error: {LastError}");
    }

    /// <summary>The connector started and is ready to work.</summary>
    public void Started() => SetUp(true, null);

    /// <summary>The connector stopped.</summary>
    public void Stopped() => SetUp(false, LastError);

    /// <summary>An attempt succeeded.</summary>
    public void Succeeded()
    {
        var now = clock.GetUtcNow();
        lock (gate)
            LastSuccess = now;
        metrics.LastSuccess.WithLabels(Connector).Set(now.ToUnixTimeMilliseconds() / 1000.0);
        SetUp(true, null);
    }

    /// <summary>An attempt failed because of <paramref name="error"/>; the connector is down until the next success.</summary>
    public void Failed(string error)
    {
        Interlocked.Increment(ref errors);
        metrics.Errors.WithLabels(Connector).Inc();
        SetUp(false, error);
    }

    /// <summary>The source sent something refused (a webhook with a bad signature): counted as an error, the connector stays up.</summary>
    public void Rejected(string error)
    {
        Interlocked.Increment(ref errors);
        metrics.Errors.WithLabels(Connector).Inc();
        lock (gate)
            LastError = error;
    }

    /// <summary>A source call is retried.</summary>
    public void Retried()
    {
        Interlocked.Increment(ref retries);
        metrics.Retries.WithLabels(Connector).Inc();
    }

    private void SetUp(bool up, string? error)
    {
        lock (gate)
        {
            IsUp = up;
            LastError = error;
        }

        metrics.Up.WithLabels(Connector).Set(up ? 1 : 0);
    }
}
