using System.Net;
using StreamFinance.Host.Tests.Api.Support;

namespace StreamFinance.Host.Tests.Api;

[Collection(ValidationApiCollection.Name)]
public class ValidationApiAccessTests(ValidationApiStack stack)
{
    private const string Key = "test-key-0123456789abcdef";

    [Fact]
    public async Task With_a_configured_key_a_request_without_it_is_401_problem()
    {
        var server = await stack.StartServerAsync(stack.Topology, apiKey: Key);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var response = await ApiResponse.GetAsync(http, "/v1/cost-centers/CC-1000");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Contains("X-Api-Key", response.Text("detail"));
        Assert.Equal("ApiKey", Assert.Single(response.Message.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task With_a_configured_key_a_wrong_key_is_401_and_the_right_key_is_served()
    {
        var server = await stack.StartServerAsync(stack.Topology, apiKey: Key);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/v1/cost-centers/CC-1000");
        wrong.Headers.Add("X-Api-Key", Key + "x");
        using var right = new HttpRequestMessage(HttpMethod.Get, "/v1/cost-centers/CC-1000");
        right.Headers.Add("X-Api-Key", Key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiResponse.SendAsync(http, wrong)).Status);
        Assert.Equal(HttpStatusCode.OK, (await ApiResponse.SendAsync(http, right)).Status);
    }

    [Fact]
    public async Task Without_a_configured_key_no_key_is_needed()
    {
        var response = await ApiResponse.GetAsync(stack.Http, "/v1/cost-centers/CC-1000");

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Before_the_global_store_is_restored_the_api_answers_503_with_retry_after_then_200_once_running()
    {
        var topology = stack.CreateTopology();
        var server = await stack.StartServerAsync(topology);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var early = await ApiResponse.GetAsync(http, "/v1/cost-centers/CC-1000");
        var earlyValidation = await ApiResponse.PostAsync(http, "/v1/validate/requisition", """{"costCenterId":"CC-1000","supplierId":"SUP-1","amount":1,"currency":"USD"}""");
        await ValidationApiStack.StartAndWaitUntilRunningAsync(topology);
        var late = await ApiResponse.GetAsync(http, "/v1/cost-centers/CC-1000");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, early.Status);
        Assert.Equal("application/problem+json", early.MediaType);
        Assert.Equal("5", early.Message.Headers.GetValues("Retry-After").Single());
        Assert.Equal("validation.md-history", early.Text("store"));
        Assert.Contains("The master-data store validation.md-history is not queryable", early.Text("detail"));
        Assert.Contains("Retry after restore", early.Text("detail"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, earlyValidation.Status);
        Assert.Equal(HttpStatusCode.OK, late.Status);
    }
}
