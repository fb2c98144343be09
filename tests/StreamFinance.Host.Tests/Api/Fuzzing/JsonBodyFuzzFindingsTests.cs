using System.Net;
using System.Text;
using StreamFinance.Host.Tests.Api.Support;

namespace StreamFinance.Host.Tests.Api.Fuzzing;

/// <summary>
/// What the fuzzing of issue 14 found in the validation API, pinned (seed 20261207, input 3 and 352/240): a body that
/// is not UTF-8, or that escapes a lone surrogate in a member name, threw out of the body reader and was answered 500.
/// </summary>
public sealed class JsonBodyFuzzFindingsTests
{
    public static TheoryData<string, byte[], string> Bodies() => new()
    {
        { "not UTF-8 (ED A0 80, a UTF-8-encoded surrogate)", [.. "{\"legalEntityId\":\"US01\",\""u8, 0xED, 0xA0, 0x80, .. "costCenterId\":\"CC-1000\"}"u8], "is not UTF-8 text" },
        { "a member name escaping a lone high surrogate", Encoding.UTF8.GetBytes("""{"costCenter\uD800Id":"CC-1000"}"""), "has a string that is not valid Unicode" },
        { "a member name escaping a lone low surrogate", Encoding.UTF8.GetBytes("""{"cos\uDC00xtCenterId":"CC-1000"}"""), "has a string that is not valid Unicode" },
        { "a value escaping a lone surrogate", Encoding.UTF8.GetBytes("""{"legalEntityId":"US\uD800","costCenterId":"CC-1000","date":"2026-03-20","amount":1,"currency":"USD"}"""), "" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_whose_text_cannot_be_read_is_a_400_not_a_500(string wrong, byte[] body, string problem)
    {
        await using var api = await InMemoryApi.StartAsync();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await api.Http.PostAsync("/v1/validate/expense-coding", content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{wrong}: {(int)response.StatusCode} {text}");
        Assert.Contains(problem, text);
    }
}
