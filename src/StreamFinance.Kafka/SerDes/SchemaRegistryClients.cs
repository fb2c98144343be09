using System.Collections.Concurrent;
using Confluent.SchemaRegistry;
using StreamFinance.Kafka.Configuration;

namespace StreamFinance.Kafka.SerDes;

/// <summary>
/// One shared registry client per registry URL, so that every SerDes of a process shares one schema cache. SerDes that
/// Streamiz creates itself (type parameters such as <c>GroupBy&lt;string, StringSerDes, AvroSerDes&lt;T&gt;&gt;</c>) find their
/// client here from the stream configuration's <c>schema.registry.url</c>.
/// </summary>
/// <remarks>
/// Tests register an in-memory client under a made-up URL (for example <c>inmemory://topology-test</c>) with
/// <see cref="Register"/>: the .NET client has no <c>mock://</c> scheme, this plays its part.
/// </remarks>
public static class SchemaRegistryClients
{
    private static readonly ConcurrentDictionary<string, ISchemaRegistryClient> Clients = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="client"/> the client for <paramref name="url"/>; replaces an earlier one.</summary>
    public static void Register(string url, ISchemaRegistryClient client) => Clients[url] = client;

    /// <summary>The client for <paramref name="url"/>: a registered one, else a new <see cref="CachedSchemaRegistryClient"/> kept for reuse.</summary>
    public static ISchemaRegistryClient For(string url, string? basicAuthUserInfo = null, int? requestTimeoutMs = null) =>
        Clients.GetOrAdd(url, u =>
        {
            if (!u.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !u.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"No schema registry client is registered for '{u}', and it is not an http(s) URL.");
            var config = new SchemaRegistryOptions { Url = u, BasicAuthUserInfo = basicAuthUserInfo, RequestTimeoutMs = requestTimeoutMs ?? 5000 }.ToClientConfig();
            return new CachedSchemaRegistryClient(config);
        });
}
