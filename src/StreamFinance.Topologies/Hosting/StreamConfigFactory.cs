using Microsoft.Extensions.Logging;
using StreamFinance.Topologies.Configuration;
using StreamFinance.Topologies.Observability.Streamiz;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Topologies.Hosting;

/// <summary>The one place where StreamFinance settings become a Streamiz <see cref="StreamConfig"/>.</summary>
public static class StreamConfigFactory
{
    /// <summary>Configuration of one topology's <c>KafkaStream</c>; <c>reporting</c> (default none) sends its Streamiz sensors and librdkafka statistics to Prometheus.</summary>
    public static StreamConfig<StringSerDes, StringSerDes> Create(
        IStreamTopology topology, KafkaOptions kafka, StreamsOptions streams, ILoggerFactory? loggerFactory = null, StreamizReporting? reporting = null)
    {
        var applicationId = streams.ApplicationIdFor(topology.Name);
        var config = new StreamConfig<StringSerDes, StringSerDes>
        {
            ApplicationId = applicationId,
            BootstrapServers = kafka.BootstrapServers,
            ClientId = $"{kafka.ClientIdPrefix}-{topology.Name}",
            StateDir = Path.Combine(streams.StateDir, applicationId),
            Guarantee = streams.ProcessingGuarantee,
            NumStreamThreads = streams.NumStreamThreads,
            CommitIntervalMs = streams.CommitIntervalMs,
            AutoOffsetReset = Confluent.Kafka.AutoOffsetReset.Earliest,
            // Every topic, internal ones included, is created up front from the catalog and the topology itself.
            AllowAutoCreateTopics = false,
            SecurityProtocol = kafka.SecurityProtocol,
        };
        if (kafka.SecurityProtocol is Confluent.Kafka.SecurityProtocol.SaslPlaintext or Confluent.Kafka.SecurityProtocol.SaslSsl)
        {
            config.SaslMechanism = kafka.SaslMechanism;
            config.SaslUsername = kafka.SaslUsername;
            config.SaslPassword = kafka.SaslPassword;
        }
        if (!string.IsNullOrWhiteSpace(kafka.SslCaLocation)) config.SslCaLocation = kafka.SslCaLocation;
        if (!string.IsNullOrWhiteSpace(kafka.SslKeyPassword)) config.SslKeyPassword = kafka.SslKeyPassword;
        if (loggerFactory is not null) config.Logger = loggerFactory;
        reporting?.ApplyTo(config, topology.Name);
        return config;
    }
}
