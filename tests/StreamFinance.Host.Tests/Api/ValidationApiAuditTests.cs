using System.Net;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Host.Api.Audit;
using StreamFinance.Host.Tests.Api.Support;
using StreamFinance.Kafka.Audit;
using StreamFinance.TestSupport.Audit;

namespace StreamFinance.Host.Tests.Api;

/// <summary><c>GET /v1/audit/{id}</c>: the timeline as JSON, exactly as the OpenAPI document declares it; 404 for an id no event names; 503 while the index cannot be read.</summary>
public sealed class ValidationApiAuditTests
{
    [Fact]
    public async Task The_trail_of_an_id_is_every_event_of_its_transactions_in_chain_order_and_validates_against_the_document()
    {
        await using var api = await InMemoryApi.StartAsync(audit: new Trail(AuditChains.Of("c-1", "EXP-1", new DateTime(2026, 4, 10, 9, 0, 0, DateTimeKind.Utc), [AuditSteps.Ingested, AuditSteps.Mapped, AuditSteps.Approved])));
        var contract = await ApiContract.FetchAsync(api.Http);

        var response = await ApiResponse.GetAsync(api.Http, "/v1/audit/EXP-1");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var problems = contract.Problems(contract.ResponseSchema("GET", "/v1/audit/{id}", 200, "application/json"), response.Json);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Prepend(response.Body)));
        Assert.Equal(["ingested", "mapped", "approved"], response.Json.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("step").GetString()));
        var first = response.Json.GetProperty("events")[0];
        Assert.Equal(("ingest.expenses", 1L), (first.GetProperty("origin").GetProperty("topic").GetString(), first.GetProperty("sequence").GetInt64()));
        Assert.Equal("c-1", Assert.Single(response.Json.GetProperty("correlationIds").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task An_id_no_event_names_is_404_and_an_index_that_cannot_be_read_is_503()
    {
        await using var found = await InMemoryApi.StartAsync(audit: new Trail([]));
        await using var restoring = await InMemoryApi.StartAsync();

        var missing = await ApiResponse.GetAsync(found.Http, "/v1/audit/EXP-404");
        var unavailable = await ApiResponse.GetAsync(restoring.Http, "/v1/audit/EXP-1");

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("EXP-404", missing.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.Status);
    }

    /// <summary>An audit index over given events.</summary>
    private sealed class Trail(IReadOnlyList<AuditEvent> events) : IAuditTrail
    {
        public AuditTimeline Trace(string id) => AuditTimeline.Of(id, events.Where(e => AuditTimeline.Names(e, id)));
    }
}
