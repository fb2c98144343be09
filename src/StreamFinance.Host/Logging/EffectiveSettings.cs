using System.Globalization;
using StreamFinance.Host.Configuration;

namespace StreamFinance.Host.Logging;

/// <summary>
/// The settings a pipeline runs with, as one line for the start-up log, and the addresses it connects to, as printed.
/// Secrets never appear: each options class masks its own in <c>ToString</c>, the line is masked with the
/// configuration's <see cref="SecretRedactor"/> (credentials in URLs and bootstrap entries included), and the log goes
/// through <see cref="RedactingLogger"/> as well.
/// </summary>
public static class EffectiveSettings
{
    /// <summary>One line naming every section and its values, secrets masked (credentials in addresses too).</summary>
    public static string Describe(StreamFinanceSettings settings)
    {
        var streams = settings.Streams;
        var generator = settings.Generator;
        return SecretRedactor.FromConfiguration(settings.Configuration).Redact(string.Create(CultureInfo.InvariantCulture,
            $"Kafka: {settings.Kafka}, SslKeyPassword={Masked(settings.Kafka.SslKeyPassword)}; " +
            $"SchemaRegistry: {settings.SchemaRegistry}; " +
            $"Streams: ApplicationIdPrefix={streams.ApplicationIdPrefix}, StateDir={streams.StateDir}, ProcessingGuarantee={streams.ProcessingGuarantee}, " +
            $"NumStreamThreads={streams.NumStreamThreads}, CommitIntervalMs={streams.CommitIntervalMs}, SessionTimeoutMs={streams.SessionTimeoutMs}, " +
            $"StaticMembership={(streams.EffectiveInstanceId() is { } instance ? $"as {instance}" : "off")}; " +
            $"Generator: Enabled={generator.Enabled}, RecordsPerSecond={generator.RecordsPerSecond}, Seed={generator.Seed}; " +
            $"Observability: {settings.Observability}; Supervision: {settings.Supervision}; Logging: {settings.Logging}; Api: {settings.Api}"));
    }

    /// <summary>Where Kafka and the Schema Registry are, as printed at start: <c>Kafka at ..., Schema Registry at ...</c>, credentials in the addresses masked.</summary>
    public static string Addresses(StreamFinanceSettings settings) =>
        SecretRedactor.FromConfiguration(settings.Configuration).Redact($"Kafka at {settings.Kafka.BootstrapServers}, Schema Registry at {settings.SchemaRegistry.Url}");

    private static string Masked(string? secret) => string.IsNullOrEmpty(secret) ? "-" : SecretRedactor.Mask;
}
