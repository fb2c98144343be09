using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamFinance.Host.Configuration;

namespace StreamFinance.Host.Logging;

/// <summary>The logging of <c>demo</c> and <c>run</c>, set up once: console format, levels, scopes, secret masking.</summary>
public static class PipelineLogging
{
    /// <summary>
    /// Console output in <see cref="LoggingOptions.Format"/> with scopes on, levels from the <c>Logging</c> section
    /// (or warnings and errors only when <paramref name="quiet"/>, under the live view; never the health-check
    /// service's line per failed poll), then
    /// <paramref name="configure"/> (tests add a capturing provider there), and last the secret masking that every
    /// logger of the host goes through.
    /// </summary>
    public static void Configure(ILoggingBuilder logging, StreamFinanceSettings settings, bool quiet, Action<ILoggingBuilder>? configure = null)
    {
        logging.ClearProviders();
        if (quiet)
            logging.SetMinimumLevel(LogLevel.Warning);
        else
            logging.AddConfiguration(settings.Configuration.GetSection(LoggingOptions.Section));
        // A component that is not ready is answered on /health/ready and its state changes are logged by the host;
        // the health-check service would log an error at every poll on top.
        logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical);
        if (settings.Logging.Format == LogFormat.Json)
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        else
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        configure?.Invoke(logging);
        logging.Services.AddSecretRedaction(SecretRedactor.FromConfiguration(settings.Configuration));
    }

    /// <summary>Replaces the registered <see cref="ILoggerFactory"/> with one whose loggers mask <paramref name="redactor"/>'s secrets.</summary>
    public static IServiceCollection AddSecretRedaction(this IServiceCollection services, SecretRedactor redactor)
    {
        services.RemoveAll<ILoggerFactory>();
        services.AddSingleton<ILoggerFactory>(sp => new RedactingLoggerFactory(
            new LoggerFactory(
                sp.GetServices<ILoggerProvider>(),
                sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                sp.GetService<IOptions<LoggerFactoryOptions>>(),
                sp.GetService<IExternalScopeProvider>()),
            redactor));
        return services;
    }
}
