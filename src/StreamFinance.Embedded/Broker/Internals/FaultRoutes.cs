using System.Text.Json;
using Confluent.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace StreamFinance.Embedded.Broker.Internals;

/// <summary>
/// The fault-injection routes of <see cref="BrokerControlServer"/> besides a broker down and up: request errors per Kafka
/// API and a partition's leader change. Every refusal is a JSON <c>{"error": ...}</c> saying what would be accepted.
/// </summary>
internal static class FaultRoutes
{
    /// <summary>The most errors one request may push, so that a typo cannot fail a client's requests for hours.</summary>
    public const int MaxErrors = 1000;

    /// <summary>Body of <c>POST /requests/{apiKey}/errors</c>.</summary>
    /// <param name="Error">An <see cref="ErrorCode"/> name (case and underscores ignored, e.g. <c>NOT_ENOUGH_REPLICAS</c>) or number.</param>
    /// <param name="Count">How many of the next requests fail with it; default 1.</param>
    public sealed record RequestErrors(JsonElement? Error, int? Count);

    /// <summary>Body of <c>POST /topics/{topic}/partitions/{partition}/leader</c>.</summary>
    /// <param name="BrokerId">The new leader.</param>
    public sealed record Leader(int? BrokerId);

    /// <summary>Maps the routes.</summary>
    public static void Map(WebApplication app, EmbeddedKafkaCluster cluster)
    {
        app.MapPost("/requests/{apiKey}/errors", async (string apiKey, HttpContext http) =>
        {
            if (ParseApiKey(apiKey) is not { } key)
                return UnknownApiKey(apiKey);
            var body = await ReadAsync<RequestErrors>(http, """{"error":"NOT_LEADER_FOR_PARTITION","count":3}""");
            if (body.Refusal is { } refusal)
                return refusal;
            var count = body.Value!.Count ?? 1;
            if (count is < 1 or > MaxErrors)
                return Results.BadRequest(new { error = $"count {count} is not between 1 and {MaxErrors}." });
            if (ParseError(body.Value.Error) is not { } error)
                return Results.BadRequest(new { error = $"error {body.Value.Error?.ToString() ?? "(missing)"} is not a Kafka error code: give an ErrorCode name such as NotLeaderForPartition, NOT_ENOUGH_REPLICAS or Local_Transport, or its number." });
            try
            {
                cluster.PushRequestErrors(key, Enumerable.Repeat(error, count).ToArray());
            }
            catch (ArgumentException e)
            {
                return Results.BadRequest(new { error = e.Message });
            }
            return Results.Ok(new { apiKey = key.ToString(), error = error.ToString(), code = (int)error, count });
        });
        app.MapDelete("/requests/{apiKey}/errors", (string apiKey) =>
        {
            if (ParseApiKey(apiKey) is not { } key)
                return UnknownApiKey(apiKey);
            cluster.ClearRequestErrors(key);
            return Results.Ok(new { apiKey = key.ToString(), cleared = true });
        });
        app.MapPost("/topics/{topic}/partitions/{partition:int}/leader", async (string topic, int partition, HttpContext http) =>
        {
            var body = await ReadAsync<Leader>(http, """{"brokerId":2}""");
            if (body.Refusal is { } refusal)
                return refusal;
            if (body.Value!.BrokerId is not { } broker)
                return Results.BadRequest(new { error = """brokerId is missing: the body is {"brokerId":2}.""" });
            try
            {
                cluster.SetPartitionLeader(topic, partition, broker);
            }
            catch (KeyNotFoundException e)
            {
                return Results.NotFound(new { error = e.Message });
            }
            catch (ArgumentOutOfRangeException e) when (e.ParamName == "brokerId")
            {
                return BrokerNotFound(cluster, e);
            }
            catch (ArgumentOutOfRangeException e)
            {
                return Results.NotFound(new { error = e.Message.Split(" (Parameter")[0] });
            }
            return Results.Ok(new { topic, partition, leader = broker });
        });
    }

    /// <summary>404 for a broker id the cluster does not have, naming the valid ids.</summary>
    public static IResult BrokerNotFound(EmbeddedKafkaCluster cluster, ArgumentOutOfRangeException e) =>
        Results.NotFound(new { error = e.Message.Split(" (Parameter")[0], brokerIds = Enumerable.Range(1, cluster.BrokerCount).ToArray() });

    private static KafkaApiKey? ParseApiKey(string text) =>
        Enum.TryParse<KafkaApiKey>(text, ignoreCase: true, out var key) && Enum.IsDefined(key) ? key : null;

    private static IResult UnknownApiKey(string text) =>
        Results.BadRequest(new { error = $"'{text}' is not a Kafka API this channel can fail: use one of {string.Join(", ", Enum.GetNames<KafkaApiKey>())} (or its number)." });

    private static ErrorCode? ParseError(JsonElement? value)
    {
        switch (value)
        {
            case { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var code) && Enum.IsDefined((ErrorCode)code):
                return (ErrorCode)code;
            case { ValueKind: JsonValueKind.String } name:
                var wanted = Normalise(name.GetString()!);
                if (int.TryParse(wanted, System.Globalization.CultureInfo.InvariantCulture, out var numbered))
                    return Enum.IsDefined((ErrorCode)numbered) ? (ErrorCode)numbered : null;
                return Enum.GetNames<ErrorCode>().FirstOrDefault(n => Normalise(n) == wanted) is { } known ? Enum.Parse<ErrorCode>(known) : null;
            default:
                return null;
        }
    }

    private static string Normalise(string name) => name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

    private static async Task<(T? Value, IResult? Refusal)> ReadAsync<T>(HttpContext http, string example) where T : class
    {
        try
        {
            var value = await http.Request.ReadFromJsonAsync<T>(JsonOptions, http.RequestAborted);
            return value is null ? (null, Results.BadRequest(new { error = $"The body is empty: send {example}." })) : (value, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (null, Results.BadRequest(new { error = $"The body must be JSON like {example}: {e.Message}" }));
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
