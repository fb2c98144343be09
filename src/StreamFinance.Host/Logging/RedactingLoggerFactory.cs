using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace StreamFinance.Host.Logging;

/// <summary>
/// The host's <see cref="ILoggerFactory"/>: every logger it hands out (to StreamFinance, ASP.NET Core, and Streamiz,
/// which logs through the same factory) masks the configured secrets in messages, structured values, scopes and
/// exceptions before any provider formats them. Providers are added to the factory it decorates.
/// </summary>
/// <remarks>
/// Once disposed it hands out loggers that write nowhere instead of throwing: Streamiz keeps the factory of the last
/// <c>KafkaStream</c> in a static field and asks it for loggers when the next topology is built, possibly after the
/// host that owned the factory stopped (a second pipeline in the same process, as in tests).
/// </remarks>
public sealed class RedactingLoggerFactory(ILoggerFactory inner, SecretRedactor redactor) : ILoggerFactory
{
    private volatile bool disposed;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName)
    {
        if (disposed)
            return NullLogger.Instance;
        // Always wrapped, even with no secret value known: credentials in a URL are masked by pattern.
        return new RedactingLogger(inner.CreateLogger(categoryName), redactor);
    }

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <inheritdoc />
    public void Dispose()
    {
        disposed = true;
        inner.Dispose();
    }
}
