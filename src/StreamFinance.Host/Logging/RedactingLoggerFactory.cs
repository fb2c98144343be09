using Microsoft.Extensions.Logging;

namespace StreamFinance.Host.Logging;

/// <summary>
/// The host's <see cref="ILoggerFactory"/>: every logger it hands out (to StreamFinance, ASP.NET Core, and Streamiz,
/// which logs through the same factory) masks the configured secrets in messages, structured values, scopes and
/// exceptions before any provider formats them. Providers are added to the factory it decorates.
/// </summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner, SecretRedactor redactor) : ILoggerFactory
{
    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return redactor.IsEmpty ? logger : new RedactingLogger(logger, redactor);
    }

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <inheritdoc />
    public void Dispose() => inner.Dispose();
}
