using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Host.Api.Http;
using StreamFinance.Host.Tests.Api.Support;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Tests.Api;

/// <summary>
/// The OpenAPI document the expense and procurement platforms generate their clients from: it lists every route the API
/// serves, and what the API really answers validates against it with exactly the properties it declares.
/// </summary>
public class ValidationApiOpenApiTests
{
    private const string Key = "test-key-0123456789abcdef";

    [Fact]
    public async Task Every_route_the_api_serves_is_an_operation_of_the_document_and_the_document_has_no_other()
    {
        await using var api = await InMemoryApi.StartAsync();
        var contract = await ApiContract.FetchAsync(api.Http);

        // From routing itself, so that an endpoint mapped without a description fails here.
        var served = api.Server.Endpoints
            .Where(e => e.RoutePattern.RawText != ValidationApiServer.OpenApiPath)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal).ToList();
        var documented = contract.Operations().Select(o => $"{o.Method} {o.Path}").Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(served);
        Assert.Equal(served, documented);
        Assert.Single(api.Server.Endpoints, e => e.RoutePattern.RawText == ValidationApiServer.OpenApiPath);
    }

    [Fact]
    public async Task The_document_is_openapi_3_1_json_at_its_documented_path_and_the_same_bytes_every_time()
    {
        await using var api = await InMemoryApi.StartAsync();

        var first = await ApiResponse.GetAsync(api.Http, "/openapi/v1.json");
        var second = await ApiResponse.GetAsync(api.Http, "/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("application/json", first.MediaType);
        Assert.StartsWith("3.1.", first.Text("openapi"));
        Assert.Equal("StreamFinance validation API", first.Json.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task With_a_configured_key_the_document_needs_the_key_and_declares_the_scheme_and_a_401_on_every_operation()
    {
        await using var api = await InMemoryApi.StartAsync(apiKey: Key);

        var withoutKey = await ApiResponse.GetAsync(api.Http, ApiContract.Path);
        api.Http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var contract = await ApiContract.FetchAsync(api.Http);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.Status);
        var scheme = contract.Document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme["type"]!.GetValue<string>(), scheme["in"]!.GetValue<string>(), scheme["name"]!.GetValue<string>()));
        Assert.Equal("""[{"ApiKey":[]}]""", contract.Document["security"]!.ToJsonString());
        Assert.All(contract.Operations(), o => Assert.NotNull(o.Operation["responses"]!["401"]));
    }

    [Fact]
    public async Task Without_a_key_the_document_declares_no_security_and_no_401()
    {
        await using var api = await InMemoryApi.StartAsync();
        var contract = await ApiContract.FetchAsync(api.Http);

        Assert.Null(contract.Document["security"]);
        Assert.All(contract.Operations(), o => Assert.Null(o.Operation["responses"]!["401"]));
    }

    [Fact]
    public async Task Every_operation_documents_its_errors_as_problem_json_and_503_with_retry_after()
    {
        await using var api = await InMemoryApi.StartAsync();
        var contract = await ApiContract.FetchAsync(api.Http);

        foreach (var (method, path, operation) in contract.Operations())
        {
            var statuses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
            string[] expected = method == "POST" ? ["200", "400", "413", "415", "500", "503"] : ["200", "400", "404", "500", "503"];
            Assert.Equal(expected, statuses);
            foreach (var status in statuses.Where(s => s != "200"))
                Assert.NotNull(operation["responses"]![status]!["content"]!["application/problem+json"]!["schema"]);
            Assert.NotNull(operation["responses"]!["503"]!["headers"]!["Retry-After"]);
            Assert.False(string.IsNullOrEmpty(operation["operationId"]?.GetValue<string>()), $"{method} {path}");
        }
    }

    public static TheoryData<string, string, string?> Answers() => new()
    {
        { "GET", "/v1/cost-centers/CC-1042?date=2026-04-01", null },
        { "GET", "/v1/suppliers/SUP-2", null },
        { "GET", "/v1/projects/PRJ-LEGACY?date=2026-01-15", null },
        { "GET", "/v1/tax-codes/DE-VAT19", null },
        { "GET", "/v1/fx-rates/EUR/USD?date=2026-03-29", null },
        { "POST", "/v1/validate/expense-coding", """{"legalEntityId":"US01","costCenterId":"CC-1000","projectId":"PRJ-ERP","date":"2026-03-30","amount":100,"currency":"EUR"}""" },
        { "POST", "/v1/validate/expense-coding", """{"legalEntityId":"US01","costCenterId":"CC-1042","date":"2026-04-01","amount":"12.50","currency":"JPY"}""" },
        { "POST", "/v1/validate/requisition", """{"costCenterId":"CC-1000","supplierId":"SUP-1","amount":2500,"currency":"USD"}""" },
        { "POST", "/v1/validate/requisition", """{"costCenterId":"CC-9999","supplierId":"SUP-2","amount":1,"currency":"USD"}""" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task A_real_200_of_each_route_validates_against_its_schema_with_exactly_its_properties(string method, string request, string? body)
    {
        await using var api = await InMemoryApi.StartAsync();
        var contract = await ApiContract.FetchAsync(api.Http);

        var response = await Send(api, method, request, body);

        Assert.True(response.Status == HttpStatusCode.OK, response.Body);
        var problems = contract.Problems(contract.ResponseSchema(method, Template(request), 200, "application/json"), response.Json);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Prepend(response.Body)));
    }

    [Theory]
    [InlineData("rate", null, "$.rate: declared but not in the answer")]
    [InlineData("extra", "1", "$.extra: in the answer but not declared")]
    [InlineData("rateDate", "\"27.03.2026\"", "/rateDate")]
    [InlineData("fellBackDays", "\"2\"", "/fellBackDays")]
    [InlineData("rate", "1.08", "/rate")]
    public async Task The_contract_check_catches_a_missing_an_extra_and_a_mistyped_member(string member, string? value, string expected)
    {
        await using var api = await InMemoryApi.StartAsync();
        var contract = await ApiContract.FetchAsync(api.Http);
        var answer = JsonNode.Parse((await ApiResponse.GetAsync(api.Http, "/v1/fx-rates/EUR/USD?date=2026-03-29")).Body)!.AsObject();
        Assert.Empty(contract.Problems(contract.ResponseSchema("GET", "/v1/fx-rates/{from}/{to}", 200, "application/json"), answer));

        if (value is null)
            answer.Remove(member);
        else
            answer[member] = JsonNode.Parse(value);

        var problems = contract.Problems(contract.ResponseSchema("GET", "/v1/fx-rates/{from}/{to}", 200, "application/json"), answer);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string?, int> Problems() => new()
    {
        { "GET", "/v1/cost-centers/CC-1000?date=31.03.2026", null, 400 },
        { "GET", "/v1/cost-centers/CC-9999", null, 404 },
        { "GET", "/v1/fx-rates/JPY/USD?date=2026-03-29", null, 404 },
        { "POST", "/v1/validate/expense-coding", """{"legalEntityId":"US01","costCentreId":"CC-1000"}""", 400 },
        { "POST", "/v1/validate/requisition", "not json", 400 },
        { "POST", "/v1/validate/requisition", "{}", 400 },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task A_real_error_answer_validates_against_its_documented_problem_schema(string method, string request, string? body, int status)
    {
        await using var api = await InMemoryApi.StartAsync();
        var contract = await ApiContract.FetchAsync(api.Http);

        var response = await Send(api, method, request, body);

        Assert.Equal((HttpStatusCode)status, response.Status);
        var problems = contract.Problems(contract.ResponseSchema(method, Template(request), status, "application/problem+json"), response.Json);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Prepend(response.Body)));
    }

    [Fact]
    public async Task The_503_401_415_and_500_answers_validate_against_their_documented_schemas()
    {
        await using var restoring = await InMemoryApi.StartAsync(new FailingLookup(new StoreUnavailableException("validation.md-history", "validation", "REBALANCING")), Key);
        await using var broken = await InMemoryApi.StartAsync(new FailingLookup(new InvalidOperationException("bug")));
        restoring.Http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var keyed = await ApiContract.FetchAsync(restoring.Http);
        using var anonymous = new HttpClient { BaseAddress = restoring.Server.BaseAddress };

        var answers = new (string Path, int Status, ApiResponse Response)[]
        {
            ("/v1/cost-centers/{id}", 503, await ApiResponse.GetAsync(restoring.Http, "/v1/cost-centers/CC-1000")),
            ("/v1/cost-centers/{id}", 401, await ApiResponse.GetAsync(anonymous, "/v1/cost-centers/CC-1000")),
            ("/v1/validate/requisition", 415, await ApiResponse.PostAsync(restoring.Http, "/v1/validate/requisition", "a=b", "text/plain")),
            ("/v1/cost-centers/{id}", 500, await ApiResponse.GetAsync(broken.Http, "/v1/cost-centers/CC-1000")),
        };

        foreach (var (path, status, response) in answers)
        {
            Assert.True((HttpStatusCode)status == response.Status, $"{status} {path}: {response.Status} {response.Body}");
            Assert.True(response.Body.Length > 0, $"{status} {path}: empty body, {response.MediaType}");
            var method = path.StartsWith("/v1/validate", StringComparison.Ordinal) ? "POST" : "GET";
            var problems = keyed.Problems(keyed.ResponseSchema(method, path, status, "application/problem+json"), response.Json);
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Prepend(response.Body)));
        }
    }

    [Fact]
    public async Task Every_example_in_the_document_validates_against_its_schema_with_exactly_its_properties()
    {
        await using var api = await InMemoryApi.StartAsync();
        var contract = await ApiContract.FetchAsync(api.Http);

        var examples = contract.Examples().ToList();

        Assert.Equal(22, examples.Count);
        foreach (var (where, schema, example) in examples)
        {
            var problems = contract.Problems(schema, example, exactProperties: !where.Contains(" request ", StringComparison.Ordinal));
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Prepend(where)));
        }
    }

    [Fact]
    public async Task The_request_examples_are_bodies_the_api_answers_200()
    {
        await using var api = await InMemoryApi.StartAsync();
        var contract = await ApiContract.FetchAsync(api.Http);

        foreach (var (where, _, example) in contract.Examples().Where(e => e.Where.Contains(" request ", StringComparison.Ordinal)))
        {
            var response = await ApiResponse.PostAsync(api.Http, where.Split(' ')[1], example.ToJsonString());
            Assert.True(response.Status == HttpStatusCode.OK, $"{where}: {response.Body}");
        }
    }

    [Theory]
    [InlineData("""{"costCenterId":"CC-1000","supplierId":"SUP-1","amount":2500,"currency":"USD"}""", true)]
    [InlineData("""{"costCenterId":"CC-1000","supplierId":"SUP-1","amount":"2500.10","currency":"USD","date":null,"legalEntityId":null}""", true)]
    [InlineData("""{"costCenterId":"CC-1000","supplierId":"SUP-1","amount":1,"currency":"USD","costCentre":"x"}""", false)]
    [InlineData("""{"costCenterId":"CC-1000","amount":1,"currency":"USD"}""", false)]
    [InlineData("""{"costCenterId":null,"supplierId":"SUP-1","amount":1,"currency":"USD"}""", false)]
    [InlineData("""{"costCenterId":"CC-1000","supplierId":"SUP-1","amount":true,"currency":"USD"}""", false)]
    [InlineData("""{"costCenterId":"CC-1000","supplierId":"SUP-1","amount":1,"currency":"USD","date":"2026-02-30"}""", false)]
    public async Task The_request_schema_accepts_exactly_the_bodies_the_api_accepts(string body, bool accepted)
    {
        await using var api = await InMemoryApi.StartAsync();
        var contract = await ApiContract.FetchAsync(api.Http);

        var response = await ApiResponse.PostAsync(api.Http, "/v1/validate/requisition", body);
        var problems = contract.Problems(contract.RequestSchema("POST", "/v1/validate/requisition"), JsonNode.Parse(body)!, exactProperties: false);

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.Status);
        Assert.True(accepted == (problems.Count == 0), string.Join(Environment.NewLine, problems.Prepend(response.Body)));
    }

    private static async Task<ApiResponse> Send(InMemoryApi api, string method, string request, string? body) =>
        method == "GET" ? await ApiResponse.GetAsync(api.Http, request) : await ApiResponse.PostAsync(api.Http, request, body!);

    /// <summary>The route template a request path matches, e.g. <c>/v1/cost-centers/{id}</c>.</summary>
    private static string Template(string request)
    {
        var path = request.Split('?')[0];
        var segments = path.Split('/');
        return segments[2] switch
        {
            "fx-rates" => "/v1/fx-rates/{from}/{to}",
            "validate" => path,
            _ => $"/v1/{segments[2]}/{{id}}",
        };
    }

    private sealed class FailingLookup(Exception failure) : IMasterDataLookup
    {
        public MasterDataHistory? Find(string objectType, string businessKey) => throw failure;

        public IReadOnlyList<MasterDataHistory> FindByPrefix(string objectType, string businessKeyPrefix, int limit) => throw failure;
    }
}
