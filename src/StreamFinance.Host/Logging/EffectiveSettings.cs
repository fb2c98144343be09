using System.Globalization;
using StreamFinance.Host.Configuration;

namespace StreamFinance.Host.Logging;

/// <summary>
/// The settings a pipeline runs with, as one line for the start-up log. Secrets never appear: each options class
/// masks its own in <c>ToString</c>, and the log goes through <see cref="RedactingLogger"/> as well.
/// </summary>
public static class EffectiveSettings
{
    /// <summary>One line naming every section and its values, secrets masked.</summary>
    public static string Describe(StreamFinanceSettings settings)
    {
        var streams = settings.Streams;
        var generator = settings.Generator;
        return string.Create(CultureInfo.InvariantCulture,
            $"Kafka: {settings.Kafka}, SslKeyPassword={Masked(settings.Kafka.SslKeyPassword)}; " +
            $"SchemaRegistry: {settings.SchemaRegistry}; " +
            $"Streams: ApplicationIdPrefix={streams.ApplicationIdPrefix}, StateDir={streams.StateDir}, ProcessingGuarantee={streams.ProcessingGuarantee}, " +
            $"NumStreamThreads={streams.NumStreamThreads}, CommitIntervalMs={streams.CommitIntervalMs}, SessionTimeoutMs={streams.SessionTimeoutMs}, " +
            $"StaticMembership={(streams.EffectiveInstanceId() is { } instance ? $"as {instance}" : "off")}; " +
            $"Generator: Enabled={generator.Enabled}, RecordsPerSecond={generator.RecordsPerSecond}, Seed={generator.Seed}; " +
            $"Observability: {settings.Observability}; Logging: {settings.Logging}; Api: {settings.Api}");
    }

    private static string Masked(string? secret) => string.IsNullOrEmpty(secret) ? "-" : SecretRedactor.Mask;
}
