using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using StreamFinance.Connectors.Tests.Fuzzing;
using StreamFinance.Host.Api.Http;

namespace StreamFinance.Host.Tests.Api.Fuzzing;

/// <summary>
/// Issue 14, point 5: seeded mutations of valid validation API bodies, read in process as the endpoints read them
/// (<see cref="JsonBodyReader"/>, then the body's <c>ToRequest</c>), <see cref="FuzzSettings.Inputs"/> per endpoint. Every
/// body ends as a checked request or a stated failure (a 400 validation problem naming members, or a 413), never as an
/// exception (which the API would answer 500) or a hang.
/// </summary>
public sealed class ValidationApiBodyFuzzTests
{
    private static readonly DateOnly Today = new(2026, 3, 20);

    private static readonly string[] Members =
        ["legalEntityId", "costCenterId", "projectId", "taxCodeId", "supplierId", "date", "amount", "currency", "\"amount\":", "\"date\":null", "\"amount\":\"1e400\""];

    private static readonly ByteMutator ExpenseCodingBodies = new(Samples(
        """{"legalEntityId":"US01","costCenterId":"CC-1000","date":"2026-03-20","amount":"12.50","currency":"USD"}""",
        """{"legalEntityId":"US01","costCenterId":"CC-1000","projectId":"PRJ-1","taxCodeId":"US-EXEMPT","date":"2026-03-20","amount":12.5,"currency":"USD"}""",
        "{\r\n  \"legalEntityId\": \"DE01\",\r\n  \"costCenterId\": \"CC-2000\",\r\n  \"projectId\": null,\r\n  \"date\": \"2026-02-28\",\r\n  \"amount\": 0,\r\n  \"currency\": \"EUR\"\r\n}"), Members);

    private static readonly ByteMutator RequisitionBodies = new(Samples(
        """{"costCenterId":"CC-1000","supplierId":"SUP-1","amount":"2500.00","currency":"USD"}""",
        """{"costCenterId":"CC-1000","supplierId":"SUP-1","legalEntityId":"US01","date":"2026-03-20","amount":2500,"currency":"USD"}"""), Members);

    private static readonly JsonBodyContract<ExpenseCodingBody> ExpenseCodingContract = new(ApiJsonContext.Default.ExpenseCodingBody, ExpenseCodingBody.Expected);

    private static readonly JsonBodyContract<RequisitionBody> RequisitionContract = new(ApiJsonContext.Default.RequisitionBody, RequisitionBody.Expected);

    [Fact]
    public void Mutated_expense_coding_bodies_end_as_requests_or_stated_failures()
    {
        var report = FuzzCampaign.Run("api expense-coding", ExpenseCodingBodies.Input, (_, body) =>
            Read(body, ExpenseCodingContract, (coding, errors) => coding.ToInput(errors)));

        Assert.True(report.Records > 0 && report.Failures > 0, $"the mutations should give both requests and failures: {report}");
    }

    [Fact]
    public void Mutated_requisition_bodies_end_as_requests_or_stated_failures()
    {
        var report = FuzzCampaign.Run("api requisition", RequisitionBodies.Input, (_, body) =>
            Read(body, RequisitionContract, (requisition, errors) => requisition.ToInput(Today, errors)));

        Assert.True(report.Records > 0 && report.Failures > 0, $"the mutations should give both requests and failures: {report}");
    }

    /// <summary>Reads <paramref name="body"/> as the endpoint does: a request (a record), or a 400/413 problem, or a 400 with field errors from the checks.</summary>
    private static FuzzOutcome Read<T>(byte[] body, JsonBodyContract<T> contract, Func<T, FieldErrors, object?> check) where T : class
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/v1/validate/fuzz";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(body);
        var (read, problem) = JsonBodyReader.ReadAsync(context, contract).GetAwaiter().GetResult();
        if (problem is not null)
        {
            Assert.Null(read);
            var status = Assert.IsAssignableFrom<IStatusCodeHttpResult>(problem).StatusCode;
            Assert.True(status is StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge, $"a body is answered 400 or 413, not {status}");
            if (problem is ValidationProblem validation)
                Assert.NotEmpty(validation.ProblemDetails.Errors);
            return FuzzOutcome.Failure;
        }
        var errors = new FieldErrors();
        var request = check(Assert.IsType<T>(read), errors);
        Assert.True(request is null == errors.Any, "the checks give a request or field errors, never both or neither");
        return request is null ? FuzzOutcome.Failure : FuzzOutcome.Record;
    }

    private static byte[][] Samples(params string[] bodies) => bodies.Select(Encoding.UTF8.GetBytes).ToArray();
}
