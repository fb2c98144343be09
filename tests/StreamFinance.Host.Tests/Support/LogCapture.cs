using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace StreamFinance.Host.Tests.Support;

/// <summary>
/// Captures every log entry as the console would print it: a logger provider that writes with the host's own
/// console formatter (<c>simple</c> or <c>json</c>, with the host's options) into memory instead of stdout.
/// </summary>
internal sealed class LogCapture(string formatterName)
{
    private readonly StringBuilder text = new();

    public string Text
    {
        get
        {
            lock (text)
                return text.ToString();
        }
    }

    public IReadOnlyList<string> Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Registers the capturing provider (for <c>PipelineOptions.ConfigureLogging</c>).</summary>
    public void AddTo(ILoggingBuilder logging) =>
        logging.Services.AddSingleton<ILoggerProvider>(sp => new Provider(this, sp.GetServices<ConsoleFormatter>().Single(f => f.Name == formatterName)));

    private void Append(string entry)
    {
        lock (text)
            text.Append(entry);
    }

    private sealed class Provider(LogCapture capture, ConsoleFormatter formatter) : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        private void Write<TState>(in LogEntry<TState> entry)
        {
            using var writer = new StringWriter();
            formatter.Write(entry, scopes, writer);
            capture.Append(writer.ToString());
        }

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(Provider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => NullLogger.Instance.BeginScope(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => provider.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
        }
    }
}
