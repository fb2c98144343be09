using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace StreamFinance.Embedded.Broker;

/// <summary>
/// A small HTTP control channel for an embedded broker hosted in its own process (<c>streamfinance broker</c>).
/// librdkafka's mock API works only inside the hosting process, so other processes create topics and inject faults
/// through this channel. Binds 127.0.0.1 only.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>GET /topics</c> returns <c>{"name": partitions}</c>; <c>POST /topics</c> with <c>[{"name":..,"partitions":..}]</c>
/// creates topics (409 when one exists with another partition count).</item>
/// <item><c>POST /brokers/{id}/down|up</c> takes a broker down or up (404 with <c>{"error","brokerIds"}</c> naming the
/// valid ids when there is no broker <c>id</c>).</item>
/// <item><c>POST /requests/{apiKey}/errors</c> with <c>{"error":"NOT_LEADER_FOR_PARTITION","count":3}</c> fails the next
/// <c>count</c> requests of that Kafka API (<see cref="KafkaApiKey"/> name or number), to any broker, with that error
/// (<see cref="Confluent.Kafka.ErrorCode"/> name or number; <c>Local_Transport</c> drops the connection);
/// <c>DELETE /requests/{apiKey}/errors</c> drops what is still pushed. 400 names the valid keys, errors and counts.</item>
/// <item><c>POST /topics/{topic}/partitions/{partition}/leader</c> with <c>{"brokerId":2}</c> moves the partition's
/// leadership; 404 for an unknown topic, partition or broker.</item>
/// </list>
/// </remarks>
public sealed class BrokerControlServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private BrokerControlServer(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>Base URL, for example <c>http://127.0.0.1:39111</c>.</summary>
    public string Url { get; }

    /// <summary>A topic to create through the channel.</summary>
    public sealed record TopicRequest(string Name, int Partitions);

    /// <summary>Starts the channel for <paramref name="cluster"/> on <paramref name="port"/> (0 = a free port).</summary>
    public static async Task<BrokerControlServer> StartAsync(EmbeddedKafkaCluster cluster, int port = 0, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();
        app.MapGet("/topics", () => Results.Json(cluster.Topics));
        app.MapPost("/topics", async (HttpContext http) =>
        {
            TopicRequest[]? requests;
            try
            {
                requests = await http.Request.ReadFromJsonAsync<TopicRequest[]>(JsonOptions, http.RequestAborted);
            }
            catch (JsonException e)
            {
                return Results.BadRequest(new { error = $"Body must be [{{\"name\":..,\"partitions\":..}}]: {e.Message}" });
            }
            var created = new List<string>();
            foreach (var request in requests ?? [])
            {
                if (string.IsNullOrWhiteSpace(request.Name) || request.Partitions < 1)
                    return Results.BadRequest(new { error = $"Topic '{request.Name}' needs a name and at least one partition." });
                try
                {
                    if (!cluster.Topics.ContainsKey(request.Name))
                        created.Add(request.Name);
                    cluster.CreateTopic(request.Name, request.Partitions);
                }
                catch (InvalidOperationException e)
                {
                    return Results.Conflict(new { error = e.Message });
                }
            }
            return Results.Ok(new { created });
        });
        app.MapPost("/brokers/{id:int}/{state}", (int id, string state) =>
        {
            try
            {
                switch (state)
                {
                    case "down": cluster.SetBrokerDown(id); break;
                    case "up": cluster.SetBrokerUp(id); break;
                    default: return Results.BadRequest(new { error = $"State '{state}' is not down or up." });
                }
            }
            catch (ArgumentOutOfRangeException e)
            {
                return Internals.FaultRoutes.BrokerNotFound(cluster, e);
            }
            return Results.Ok(new { broker = id, state });
        });
        Internals.FaultRoutes.Map(app, cluster);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        return new BrokerControlServer(app, address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
