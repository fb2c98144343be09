using Microsoft.Extensions.Logging;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Observability.Streamiz;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Kafka.Hosting;

/// <summary>The one place where StreamFinance settings become a Streamiz <see cref="StreamConfig"/>.</summary>
public static class StreamConfigFactory
{
    /// <summary>Configuration of one topology's <c>KafkaStream</c>.</summary>
    /// <param name="topology">The topology.</param>
    /// <param name="kafka">Connection and security settings.</param>
    /// <param name="streams">Streamiz settings.</param>
    /// <param name="registry">Schema Registry settings, for SerDes Streamiz creates itself.</param>
    /// <param name="loggerFactory">Streamiz's logger. Default: Streamiz's own console logger.</param>
    /// <param name="deadLetters">
    /// Handlers that dead-letter records the topology cannot deserialize or write and let the stream continue; a record
    /// refused for a transient reason (<see cref="TransientKafkaErrors"/>) stops the stream thread instead, so that it is
    /// produced again after a restart. Default none: Streamiz then stops the stream thread on the first such record.
    /// </param>
    /// <param name="reporting">Sends the stream's Streamiz sensors and librdkafka statistics to Prometheus. Default none.</param>
    public static AdminConfigReusingStreamConfig<StringSerDes, StringSerDes> Create(
        IStreamTopology topology, KafkaOptions kafka, StreamsOptions streams, SchemaRegistryOptions registry, ILoggerFactory? loggerFactory = null,
        DeadLetterExceptionHandlers? deadLetters = null, StreamizReporting? reporting = null)
    {
        var applicationId = streams.ApplicationIdFor(topology.Name);
        var config = new AdminConfigReusingStreamConfig<StringSerDes, StringSerDes>
        {
            ApplicationId = applicationId,
            BootstrapServers = kafka.BootstrapServers,
            ClientId = $"{kafka.ClientIdPrefix}-{topology.Name}",
            StateDir = Path.Combine(streams.StateDir, applicationId),
            Guarantee = streams.ProcessingGuarantee,
            NumStreamThreads = streams.NumStreamThreads,
            CommitIntervalMs = streams.CommitIntervalMs,
            SessionTimeoutMs = streams.SessionTimeoutMs,
            HeartbeatIntervalMs = streams.HeartbeatIntervalMs,
            AutoOffsetReset = Confluent.Kafka.AutoOffsetReset.Earliest,
            // Every topic, internal ones included, is created up front from the catalog and the topology itself.
            AllowAutoCreateTopics = false,
            SecurityProtocol = kafka.SecurityProtocol,
            // For SerDes Streamiz creates from type parameters (AvroSerDes<T>): they find their client by this URL.
            SchemaRegistryUrl = registry.Url,
            AutoRegisterSchemas = registry.AutoRegisterSchemas,
            SchemaRegistryRequestTimeoutMs = registry.RequestTimeoutMs,
        };
        if (!string.IsNullOrEmpty(registry.BasicAuthUserInfo))
            config.BasicAuthUserInfo = registry.BasicAuthUserInfo;
        if (kafka.UsesSasl)
        {
            config.SaslMechanism = kafka.SaslMechanism;
            config.SaslUsername = kafka.SaslUsername;
            config.SaslPassword = kafka.SaslPassword;
        }
        if (!string.IsNullOrWhiteSpace(kafka.SslCaLocation)) config.SslCaLocation = kafka.SslCaLocation;
        if (!string.IsNullOrWhiteSpace(kafka.SslKeyPassword)) config.SslKeyPassword = kafka.SslKeyPassword;
        if (loggerFactory is not null) config.Logger = loggerFactory;
        if (deadLetters is not null)
        {
            config.DeserializationExceptionHandler = deadLetters.OnDeserializationError;
            // A record Kafka could not take during an outage is not poison: the stream thread fails, the supervisor
            // replaces the stream, and the record is produced again from the last commit.
            config.ProductionExceptionHandler = report => TransientKafkaErrors.IsTransient(report.Error)
                ? ProductionExceptionHandlerResponse.FAIL
                : deadLetters.OnProductionError(report);
        }
        reporting?.ApplyTo(config, topology.Name);
        return config;
    }
}
