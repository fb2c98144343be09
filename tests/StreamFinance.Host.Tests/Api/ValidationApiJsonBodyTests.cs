using System.Net;
using System.Text;
using StreamFinance.Host.Tests.Api.Support;

namespace StreamFinance.Host.Tests.Api;

/// <summary>
/// Every way a JSON body can be wrong is a 400 validation problem whose <c>errors</c> name the member at fault (<c>$</c>
/// for the body as a whole). The classification comes from the JSON reader and the body's contract, not from the
/// serializer's message text, so a runtime update that rewords its messages cannot turn one answer into another.
/// </summary>
public class ValidationApiJsonBodyTests
{
    private const string ExpenseCoding = "/v1/validate/expense-coding";
    private const string Requisition = "/v1/validate/requisition";
    private const string Valid = """{"legalEntityId":"US01","costCenterId":"CC-1000","date":"2026-03-20","amount":"12.50","currency":"USD"}""";

    public static TheoryData<string, string, string, string> Bodies() => new()
    {
        { "unknown member", """{"legalEntityId":"US01","costCentreId":"CC-1000","date":"2026-03-20","amount":1,"currency":"USD"}""", "costCentreId", "is not a member of this request" },
        { "member in the wrong case", """{"LegalEntityId":"US01","costCenterId":"CC-1000","date":"2026-03-20","amount":1,"currency":"USD"}""", "LegalEntityId", "is not a member of this request" },
        { "missing required member", """{"legalEntityId":"US01","costCenterId":"CC-1000","amount":1,"currency":"USD"}""", "date", "is required" },
        { "member given twice", """{"legalEntityId":"US01","costCenterId":"CC-1000","date":"2026-03-20","amount":1,"amount":2,"currency":"USD"}""", "amount", "is given more than once" },
        { "boolean amount", """{"legalEntityId":"US01","costCenterId":"CC-1000","date":"2026-03-20","amount":true,"currency":"USD"}""", "amount", "must be a number, or a string holding one" },
        { "amount string that is no number", """{"legalEntityId":"US01","costCenterId":"CC-1000","date":"2026-03-20","amount":"12,50","currency":"USD"}""", "amount", "must be a number, or a string holding one" },
        { "amount object", """{"legalEntityId":"US01","costCenterId":"CC-1000","date":"2026-03-20","amount":{"value":1},"currency":"USD"}""", "amount", "must be a number, or a string holding one" },
        { "number for a string member", """{"legalEntityId":42,"costCenterId":"CC-1000","date":"2026-03-20","amount":1,"currency":"USD"}""", "legalEntityId", "must be a string" },
        { "malformed JSON", """{"legalEntityId":"US01","costCenterId":CC-1000}""", "$", "is not well-formed JSON (line 1, byte " },
        { "truncated JSON", """{"legalEntityId":"US01",""", "$", "is not well-formed JSON" },
        { "trailing data", Valid + " x", "$", "has data after the JSON object" },
        { "a second object", Valid + "{}", "$", "has data after the JSON object" },
        { "empty body", "", "$", "is empty" },
        { "whitespace only", " \r\n\t ", "$", "is empty" },
        { "JSON null", "null", "$", "must be a JSON object, not null" },
        { "an array", """[{"legalEntityId":"US01"}]""", "$", "must be a JSON object, not an array" },
        { "a string", "\"US01\"", "$", "must be a JSON object, not a string" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_wrong_body_is_400_validation_problem_naming_the_member(string wrong, string body, string member, string problem)
    {
        await using var api = await InMemoryApi.StartAsync();

        var response = await ApiResponse.PostAsync(api.Http, ExpenseCoding, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal("The request is invalid", response.Text("title"));
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(member, out var messages), $"{wrong}: {response.Body}");
        Assert.True(messages.EnumerateArray().Any(m => m.GetString()!.StartsWith(problem, StringComparison.Ordinal)), $"{wrong}: {response.Body}");
        Assert.Equal(ExpenseCoding, response.Text("instance"));
        Assert.False(string.IsNullOrEmpty(response.Text("traceId")));
    }

    [Fact]
    public async Task Unknown_and_missing_members_are_listed_together_and_the_detail_names_the_unknown_ones()
    {
        await using var api = await InMemoryApi.StartAsync();

        var response = await ApiResponse.PostAsync(api.Http, Requisition, """{"costCentreId":"CC-1000","supplier":"SUP-1","amount":1,"currency":"USD"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["costCenterId", "costCentreId", "supplier", "supplierId"], response.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("Unknown properties 'costCentreId', 'supplier'.", response.Text("detail"));
    }

    [Fact]
    public async Task Every_missing_required_member_is_listed_and_the_detail_says_what_to_send()
    {
        await using var api = await InMemoryApi.StartAsync();

        var response = await ApiResponse.PostAsync(api.Http, ExpenseCoding, """{"projectId":"PRJ-ERP"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var errors = response.Json.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()).Single());
        Assert.Equal(["amount", "costCenterId", "currency", "date", "legalEntityId"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, message => Assert.Equal("is required", message));
        Assert.EndsWith("Send a JSON object with legalEntityId, costCenterId, date (yyyy-MM-dd), amount and currency, " +
                        "and optionally employeeId, projectId, taxCodeId, category, glAccountId and receiptAttached.",
            response.Text("detail"));
    }

    [Fact]
    public async Task A_wrong_value_names_its_path_and_position_in_the_detail()
    {
        await using var api = await InMemoryApi.StartAsync();

        var response = await ApiResponse.PostAsync(api.Http, ExpenseCoding,
            """{"legalEntityId":"US01","costCenterId":"CC-1000","date":"2026-03-20","amount":true,"currency":"USD"}""");

        Assert.StartsWith("The value at $.amount (line 1, byte ", response.Text("detail"));
        Assert.Equal(["amount"], response.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("escaped member name", """{"leg\u0061lEntityId":"US01","costCenterId":"CC-1000","date":"2026-03-20","amount":"12.50","currency":"USD"}""")]
    [InlineData("byte order mark", "\uFEFF" + Valid)]
    [InlineData("whitespace around the object", "\r\n  " + Valid + " \n")]
    [InlineData("explicit null for an optional member", """{"legalEntityId":"US01","costCenterId":"CC-1000","projectId":null,"date":"2026-03-20","amount":12.5,"currency":"USD"}""")]
    public async Task A_well_formed_body_is_answered_200(string variant, string body)
    {
        await using var api = await InMemoryApi.StartAsync();

        var response = await ApiResponse.PostAsync(api.Http, ExpenseCoding, body);

        Assert.True(response.Status == HttpStatusCode.OK, $"{variant}: {response.Body}");
        Assert.True(response.Json.GetProperty("valid").GetBoolean(), response.Body);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/vnd.streamfinance+json")]
    [InlineData(null)]
    public async Task A_json_body_is_read_whatever_json_media_type_it_is_sent_as_or_none(string? contentType)
    {
        await using var api = await InMemoryApi.StartAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Valid));
        content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, ExpenseCoding) { Content = content };

        var response = await ApiResponse.SendAsync(api.Http, request);

        Assert.True(response.Status == HttpStatusCode.OK, response.Body);
    }

    [Fact]
    public async Task A_body_over_64_kib_is_413_problem()
    {
        await using var api = await InMemoryApi.StartAsync();
        var padded = Valid[..^1] + ",\"projectId\":\"" + new string('x', 70_000) + "\"}";

        var response = await ApiResponse.PostAsync(api.Http, ExpenseCoding, padded);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
    }

    [Fact]
    public async Task A_body_sent_in_chunks_is_read_whole()
    {
        await using var api = await InMemoryApi.StartAsync();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Valid)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, ExpenseCoding) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await ApiResponse.SendAsync(api.Http, request);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }
}
