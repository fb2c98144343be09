using Confluent.Kafka;
using StreamFinance.Host.Configuration;
using StreamFinance.Kafka.Configuration;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// Start-up check that Kafka and the Schema Registry answer, so that a wrong address fails within seconds with a
/// message naming the setting, instead of a stream thread retrying forever.
/// </summary>
public static class DependencyProbe
{
    /// <summary>Checks both; throws <see cref="DependencyUnavailableException"/> naming what did not answer.</summary>
    public static async Task CheckAsync(KafkaOptions kafka, SchemaRegistryOptions registry, CancellationToken ct)
    {
        // Both in parallel, so the whole check stays within the Kafka timeout; both failures are reported together.
        var kafkaCheck = Task.Run(() => CheckKafka(kafka), ct);
        var registryCheck = CheckRegistryAsync(registry, ct);
        try
        {
            await Task.WhenAll(kafkaCheck, registryCheck);
        }
        catch (DependencyUnavailableException)
        {
            var failures = new[] { kafkaCheck.Exception?.InnerException, registryCheck.Exception?.InnerException }.OfType<DependencyUnavailableException>().ToList();
            if (failures.Count == 1)
                throw failures[0];
            throw new DependencyUnavailableException(string.Join(" Also: ", failures.Select(f => f.Message)), failures[0]);
        }
    }

    /// <summary>Asks the cluster for its metadata within <see cref="KafkaOptions.ConnectTimeoutSeconds"/>; returns the broker count.</summary>
    public static int CheckKafka(KafkaOptions kafka)
    {
        var timeout = TimeSpan.FromSeconds(kafka.ConnectTimeoutSeconds);
        var config = kafka.ApplyTo(new AdminClientConfig(), "probe");
        config.SocketConnectionSetupTimeoutMs = (int)timeout.TotalMilliseconds;
        string? lastError = null;
        using var admin = new AdminClientBuilder(config)
            .SetLogHandler((_, _) => { })
            .SetErrorHandler((_, e) => lastError = e.Reason)
            .Build();
        try
        {
            var metadata = admin.GetMetadata(timeout);
            if (metadata.Brokers.Count == 0)
                throw new DependencyUnavailableException($"Kafka at {kafka.BootstrapServers} answered with no brokers (Kafka:BootstrapServers).");
            return metadata.Brokers.Count;
        }
        catch (KafkaException e)
        {
            throw new DependencyUnavailableException(
                $"Kafka at {kafka.BootstrapServers} did not answer within {timeout.TotalSeconds:0} s ({lastError ?? e.Error.Reason}). " +
                "Check Kafka:BootstrapServers, the security settings and that the brokers are up.", e);
        }
    }

    /// <summary>Calls <c>GET /subjects</c> within the registry request timeout.</summary>
    public static async Task CheckRegistryAsync(SchemaRegistryOptions registry, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(registry.RequestTimeoutMs) };
        if (registry.BasicAuthUserInfo is { Length: > 0 } userInfo)
            http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(userInfo)));
        var url = registry.Url.TrimEnd('/') + "/subjects";
        try
        {
            using var response = await http.GetAsync(url, ct);
            if (!response.IsSuccessStatusCode)
                throw new DependencyUnavailableException(
                    $"Schema Registry at {registry.Url} answered {(int)response.StatusCode} {response.ReasonPhrase} to GET /subjects. " +
                    "Check SchemaRegistry:Url and SchemaRegistry:BasicAuthUserInfo.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new DependencyUnavailableException(
                $"Schema Registry at {registry.Url} did not answer within {registry.RequestTimeoutMs} ms ({e.Message}). Check SchemaRegistry:Url.", e);
        }
    }
}
