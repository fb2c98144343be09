using System.Net;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Host.Tests.Api.Support;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.Host.Tests.Api;

[Collection(ValidationApiCollection.Name)]
public class ValidationApiLookupTests(ValidationApiStack stack)
{
    [Fact]
    public async Task Cost_center_look_up_returns_the_version_in_force_on_the_date_with_its_effective_date()
    {
        var before = await ApiResponse.GetAsync(stack.Http, "/v1/cost-centers/CC-1042?date=2026-03-30");
        var after = await ApiResponse.GetAsync(stack.Http, "/v1/cost-centers/CC-1042?date=2026-04-01");

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("application/json", before.MediaType);
        Assert.Equal(("COST_CENTER", "CC-1042", "2026-03-30", "2026-01-01"), (before.Text("objectType"), before.Text("businessKey"), before.Text("asOf"), before.Text("effectiveFrom")));
        Assert.Equal("ACTIVE", before.Json.GetProperty("record").GetProperty("status").GetString());
        Assert.Equal("2026-03-31", after.Text("effectiveFrom"));
        Assert.Equal("INACTIVE", after.Json.GetProperty("record").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_master_data_change_reaches_the_answers_as_soon_as_the_store_applies_it_although_look_ups_are_remembered()
    {
        var ct = TestContext.Current.CancellationToken;
        const string path = "/v1/cost-centers/CC-CACHED?date=2026-03-20";
        // Asked twice while unknown: the second answer comes from the remembered look-up.
        Assert.Equal(HttpStatusCode.NotFound, (await ApiResponse.GetAsync(stack.Http, path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ApiResponse.GetAsync(stack.Http, path)).Status);

        await stack.PublishAsync(MasterDataRecords.History(MasterDataObjectType.COST_CENTER, "CC-CACHED",
            ("2026-01-01", MasterDataRecords.CostCenter("CC-CACHED", "US01", CostCenterStatus.ACTIVE, "2026-01-01"))), ct);
        var found = await PollAsync(path, HttpStatusCode.OK, ct);
        Assert.Equal("ACTIVE", found.Json.GetProperty("record").GetProperty("status").GetString());

        await stack.PublishAsync(MasterDataRecords.History(MasterDataObjectType.COST_CENTER, "CC-CACHED",
            ("2026-01-01", MasterDataRecords.CostCenter("CC-CACHED", "US01", CostCenterStatus.ACTIVE, "2026-01-01")),
            ("2026-03-01", MasterDataRecords.CostCenter("CC-CACHED", "US01", CostCenterStatus.BLOCKED, "2026-03-01"))), ct);
        var status = await Wait.UntilAsync($"{path} to answer the BLOCKED version", TimeSpan.FromSeconds(20),
            async () => (await ApiResponse.GetAsync(stack.Http, path)).Json.GetProperty("record").GetProperty("status").GetString(),
            s => s == "BLOCKED", s => $"status {s}");
        Assert.Equal("BLOCKED", status);
    }

    private async Task<ApiResponse> PollAsync(string path, HttpStatusCode expected, CancellationToken ct)
    {
        var response = await Wait.UntilAsync($"{path} to answer {(int)expected}", TimeSpan.FromSeconds(20),
            () => ApiResponse.GetAsync(stack.Http, path), r => r.Status == expected, r => $"{(int)r.Status}");
        Assert.Equal(expected, response.Status);
        return response;
    }

    [Fact]
    public async Task Look_up_without_a_date_answers_for_today()
    {
        var response = await ApiResponse.GetAsync(stack.Http, "/v1/suppliers/SUP-2");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("2026-03-20", response.Text("asOf"));
        Assert.Equal("BLOCKED", response.Json.GetProperty("record").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Project_and_tax_code_look_ups_render_the_canonical_record_with_exact_decimals()
    {
        var project = await ApiResponse.GetAsync(stack.Http, "/v1/projects/PRJ-LEGACY?date=2026-01-15");
        var tax = await ApiResponse.GetAsync(stack.Http, "/v1/tax-codes/DE-VAT19");

        Assert.Equal("OPEN", project.Json.GetProperty("record").GetProperty("status").GetString());
        Assert.Equal("0.190000", tax.Json.GetProperty("record").GetProperty("rate").GetString());
        Assert.Equal("DE", tax.Json.GetProperty("record").GetProperty("jurisdiction").GetString());
    }

    [Theory]
    [InlineData("/v1/cost-centers/CC-9999", "Cost center CC-9999 is unknown.")]
    [InlineData("/v1/cost-centers/CC-NEW?date=2026-03-31", "Cost center CC-NEW does not exist on 2026-03-31: its first version is in force from 2026-04-01.")]
    [InlineData("/v1/suppliers/SUP-404", "Supplier SUP-404 is unknown.")]
    [InlineData("/v1/projects/PRJ-404", "Project PRJ-404 is unknown.")]
    [InlineData("/v1/tax-codes/XX-1", "Tax code XX-1 is unknown.")]
    public async Task Unknown_id_is_404_with_a_problem_saying_why(string path, string detail)
    {
        var response = await ApiResponse.GetAsync(stack.Http, path);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(404, response.Json.GetProperty("status").GetInt32());
        Assert.Equal(detail, response.Text("detail"));
        Assert.Equal(path.Split('?')[0], response.Text("instance"));
    }

    [Fact]
    public async Task Fx_rate_on_a_sunday_falls_back_to_friday_and_says_so()
    {
        var response = await ApiResponse.GetAsync(stack.Http, "/v1/fx-rates/EUR/USD?date=2026-03-29");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("1.08000000", response.Text("rate"));
        Assert.Equal("2026-03-27", response.Text("rateDate"));
        Assert.Equal(2, response.Json.GetProperty("fellBackDays").GetInt32());
        Assert.False(response.Json.GetProperty("inverse").GetBoolean());
    }

    [Fact]
    public async Task Missing_fx_rate_is_404_with_the_reason()
    {
        var response = await ApiResponse.GetAsync(stack.Http, "/v1/fx-rates/JPY/USD?date=2026-03-29");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.StartsWith("No JPY->USD rate on 2026-03-29", response.Text("detail"));
    }

    [Theory]
    [InlineData("/v1/cost-centers/CC-1000?date=31.03.2026", "date")]
    [InlineData("/v1/cost-centers/CC-1000?date=", "date")]
    [InlineData("/v1/cost-centers/CC-1000?date=2026-02-30", "date")]
    [InlineData("/v1/fx-rates/eur/USD", "from")]
    [InlineData("/v1/fx-rates/EUR/DOLLAR", "to")]
    public async Task Malformed_look_up_is_400_naming_the_field(string path, string field)
    {
        var response = await ApiResponse.GetAsync(stack.Http, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Body);
    }

    [Fact]
    public async Task Unknown_path_is_404_and_wrong_method_405_both_as_problems()
    {
        var unknown = await ApiResponse.GetAsync(stack.Http, "/v1/no-such-thing");
        var wrongMethod = await ApiResponse.GetAsync(stack.Http, "/v1/validate/requisition");

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (unknown.Status, unknown.MediaType));
        Assert.Contains("There is no endpoint GET /v1/no-such-thing", unknown.Text("detail"));
        Assert.Equal((HttpStatusCode.MethodNotAllowed, "application/problem+json"), (wrongMethod.Status, wrongMethod.MediaType));
    }
}
