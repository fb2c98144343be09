using System.Net;
using System.Text.RegularExpressions;
using StreamFinance.Connectors.Producing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Host.Tests.Api.Support;
using StreamFinance.Host.Tests.Support;
using StreamFinance.Kafka.Configuration;
using StreamFinance.TestSupport.Waiting;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Topologies.Validation;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Host.Tests.Api;

[Collection(PipelineCollection.Name)]
public sealed partial class PipelineValidationApiTests
{
    [Fact]
    public async Task The_pipeline_serves_the_api_on_its_own_port_503_until_the_store_is_restored_then_from_md_history()
    {
        ApiResponse? beforeTopologies = null;
        Uri? api = null;
        await using var pipeline = await RunningPipeline.StartAsync(
            new Dictionary<string, string?> { ["Api:Enabled"] = "true", ["Api:Port"] = "0" },
            topologies: [new ValidationTopology()],
            whileListening: running =>
            {
                // The API announced itself while starting; no topology has started yet.
                api = new Uri(ApiAddress().Match(running.Output.ToString()).Groups[1].Value + "/");
                using var http = new HttpClient { BaseAddress = api };
                beforeTopologies = ApiResponse.GetAsync(http, "/v1/cost-centers/CC-1042").GetAwaiter().GetResult();
            });
        Assert.NotEqual(pipeline.Http.BaseAddress!.Port, api!.Port);
        var kafka = new KafkaOptions { BootstrapServers = pipeline.Cluster.BootstrapServers };
        using (var producer = new CanonicalRecordProducer(kafka, new SerDesFactory(SchemaRegistryClients.For(pipeline.Registry.Url)), "api-test"))
            foreach (var history in ValidationWorld.Histories)
                await producer.ProduceAsync(Topics.MasterDataHistory, MasterDataKeys.For(history.objectType, history.businessKey), history, TestContext.Current.CancellationToken);

        using var client = new HttpClient { BaseAddress = api };
        var answer = await PollAsync(client, "/v1/cost-centers/CC-1042?date=2026-04-01");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, beforeTopologies!.Status);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("INACTIVE", answer.Json.GetProperty("record").GetProperty("status").GetString());
        Assert.Equal(0, await pipeline.StopAsync());
    }

    private static Task<ApiResponse> PollAsync(HttpClient http, string path) =>
        Wait.UntilAsync($"{path} to answer 200", TimeSpan.FromSeconds(60), () => ApiResponse.GetAsync(http, path),
            response => response.Status == HttpStatusCode.OK, response => $"{(int)response.Status}");

    [GeneratedRegex(@"Validation API at (http://127\.0\.0\.1:\d+/v1)")]
    private static partial Regex ApiAddress();
}
