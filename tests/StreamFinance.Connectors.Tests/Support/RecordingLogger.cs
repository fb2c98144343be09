using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StreamFinance.Connectors.Tests.Support;

/// <summary>A logger that keeps every entry with its level and formatted message.</summary>
public sealed class RecordingLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    /// <summary>The levels of the entries whose message starts with <paramref name="prefix"/>.</summary>
    public IReadOnlyList<LogLevel> LevelsOf(string prefix) =>
        Entries.Where(e => e.Message.StartsWith(prefix, StringComparison.Ordinal)).Select(e => e.Level).ToList();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));
}
