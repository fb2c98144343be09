using Microsoft.Extensions.Logging;

namespace StreamFinance.Host.Logging;

/// <summary>
/// An <see cref="ILogger"/> that masks secrets before its inner logger sees an entry. Entries without a secret pass
/// through unchanged, structured properties and all; an entry with one is replaced by a copy whose message, property
/// values and exception text are masked.
/// </summary>
public sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
{
    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        RedactedScope.Reveals(state, redactor) ? inner.BeginScope(RedactedScope.From(state, redactor)) : inner.BeginScope(state);

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
            return;
        var message = formatter(state, exception);
        var leaks = redactor.Reveals(message)
                    || (state is IEnumerable<KeyValuePair<string, object?>> properties && properties.Any(p => redactor.Reveals(p.Value?.ToString())))
                    || (exception is not null && redactor.Reveals(exception.ToString()));
        if (!leaks)
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }
        var redacted = RedactedLogState.From(state, message, redactor);
        var safeException = exception is null ? null : new RedactedException(exception, redactor);
        inner.Log(logLevel, eventId, redacted, safeException, static (s, _) => s.Message);
    }
}
