using System.Net;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Host.Tests.Api.Support;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Tests.Api;

/// <summary>
/// Pins the members and <c>type</c> of every kind of error answer, which clients parse: a refactor of how problems are
/// written must not add, drop or rename a member.
/// </summary>
public class ProblemAnswerShapeTests
{
    private const string Key = "test-key-0123456789abcdef";
    private static readonly string[] Common = ["type", "title", "status", "detail", "instance", "traceId"];

    private sealed class UnavailableLookup : IMasterDataLookup
    {
        public MasterDataHistory? Find(string objectType, string businessKey) => throw Restoring();

        public IReadOnlyList<MasterDataHistory> FindByPrefix(string objectType, string businessKeyPrefix, int limit) => throw Restoring();

        private static StoreUnavailableException Restoring() => new("validation.md-history", "validation", "REBALANCING");
    }

    private sealed class BrokenLookup : IMasterDataLookup
    {
        public MasterDataHistory? Find(string objectType, string businessKey) => throw new InvalidOperationException("bug");

        public IReadOnlyList<MasterDataHistory> FindByPrefix(string objectType, string businessKeyPrefix, int limit) => throw new InvalidOperationException("bug");
    }

    public static TheoryData<string, int, string, string[]> Answers() => new()
    {
        { "bad query", 400, "https://tools.ietf.org/html/rfc9110#section-15.5.1", ["errors"] },
        { "missing body fields", 400, "https://tools.ietf.org/html/rfc9110#section-15.5.1", ["errors"] },
        { "malformed body", 400, "https://tools.ietf.org/html/rfc9110#section-15.5.1", ["errors"] },
        { "no key", 401, "https://tools.ietf.org/html/rfc9110#section-15.5.2", [] },
        { "unknown id", 404, "https://tools.ietf.org/html/rfc9110#section-15.5.5", [] },
        { "unknown path", 404, "https://tools.ietf.org/html/rfc9110#section-15.5.5", [] },
        { "wrong method", 405, "https://tools.ietf.org/html/rfc9110#section-15.5.6", [] },
        { "not json", 415, "https://tools.ietf.org/html/rfc9110#section-15.5.16", [] },
        { "bug", 500, "https://tools.ietf.org/html/rfc9110#section-15.6.1", [] },
        { "restoring", 503, "https://tools.ietf.org/html/rfc9110#section-15.6.4", ["store", "topology", "state"] },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Each_error_answer_is_problem_json_with_exactly_its_members_and_the_status_type(string answer, int status, string type, string[] extra)
    {
        await using var api = await InMemoryApi.StartAsync(
            answer switch { "restoring" => new UnavailableLookup(), "bug" => new BrokenLookup(), _ => null },
            answer == "no key" ? Key : null);

        var response = answer switch
        {
            "bad query" => await ApiResponse.GetAsync(api.Http, "/v1/cost-centers/CC-1000?date=x"),
            "missing body fields" => await ApiResponse.PostAsync(api.Http, "/v1/validate/expense-coding", "{}"),
            "malformed body" => await ApiResponse.PostAsync(api.Http, "/v1/validate/expense-coding", "{\"amount\":"),
            "unknown path" => await ApiResponse.GetAsync(api.Http, "/v1/no-such-thing"),
            "wrong method" => await ApiResponse.GetAsync(api.Http, "/v1/validate/requisition"),
            "not json" => await ApiResponse.PostAsync(api.Http, "/v1/validate/requisition", "a=b", "text/plain"),
            "unknown id" => await ApiResponse.GetAsync(api.Http, "/v1/cost-centers/CC-9999"),
            _ => await ApiResponse.GetAsync(api.Http, "/v1/cost-centers/CC-1000"),
        };

        Assert.Equal((HttpStatusCode)status, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(Common.Concat(extra).Order(), response.Json.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(type, response.Text("type"));
        Assert.Equal(status, response.Json.GetProperty("status").GetInt32());
    }
}
