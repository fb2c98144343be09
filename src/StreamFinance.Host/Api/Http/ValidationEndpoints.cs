using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamFinance.Host.Api.Validation;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// <c>POST /v1/validate/expense-coding</c> and <c>POST /v1/validate/requisition</c>: 200 with <c>valid</c> and the list of
/// violations (reason code, field, message) once the body is well-formed; 400 problem details when it is not.
/// </summary>
internal static class ValidationEndpoints
{
    /// <summary>Note returned with every budget figure.</summary>
    public const string BudgetNote = "Open commitments are not deducted from the budget yet: they will be once the procurement flow records them.";

    // Read once from the serializer's contracts: the scan of each body compares member names against them.
    private static readonly JsonBodyContract<ExpenseCodingBody> ExpenseCodingContract = new(ApiJsonContext.Default.ExpenseCodingBody, ExpenseCodingBody.Expected);
    private static readonly JsonBodyContract<RequisitionBody> RequisitionContract = new(ApiJsonContext.Default.RequisitionBody, RequisitionBody.Expected);

    /// <summary>Maps the validations on <paramref name="v1"/>.</summary>
    public static void Map(RouteGroupBuilder v1, ValidationApiContext api)
    {
        // Plain request delegates (no parameter binding to generate): the handlers read and answer the request themselves.
        v1.MapPost("/validate/expense-coding", async context => await (await ExpenseCodingAsync(context, api)).ExecuteAsync(context));
        v1.MapPost("/validate/requisition", async context => await (await RequisitionAsync(context, api)).ExecuteAsync(context));
    }

    private static async Task<IResult> ExpenseCodingAsync(HttpContext context, ValidationApiContext api)
    {
        var (body, problem) = await JsonBodyReader.ReadAsync(context, ExpenseCodingContract);
        if (problem is not null)
            return problem;
        var errors = new FieldErrors();
        if (body!.ToRequest(errors) is not { } request)
            return Problems.BadRequest(context, errors.Summary(), errors.ToDictionary());
        var result = api.ExpenseCoding.Evaluate(request);
        return TypedResults.Json(
            new ExpenseCodingResponse(result.Valid, request.Date, Violations(result.Violations), result.Conversion is { } c ? Conversion(c) : null),
            ApiJsonContext.Default.ExpenseCodingResponse);
    }

    private static async Task<IResult> RequisitionAsync(HttpContext context, ValidationApiContext api)
    {
        var (body, problem) = await JsonBodyReader.ReadAsync(context, RequisitionContract);
        if (problem is not null)
            return problem;
        var errors = new FieldErrors();
        if (body!.ToRequest(api.Today, errors) is not { } request)
            return Problems.BadRequest(context, errors.Summary(), errors.ToDictionary());
        var result = api.Requisition.Evaluate(request);
        return TypedResults.Json(
            new RequisitionResponse(result.Valid, request.Date, Violations(result.Violations), result.Budget is { } b ? Budget(b) : null),
            ApiJsonContext.Default.RequisitionResponse);
    }

    private static List<ViolationResponse> Violations(IReadOnlyList<Violation> violations) =>
        violations.Select(v => new ViolationResponse(v.Code, v.Field, v.Message)).ToList();

    private static ConversionResponse Conversion(CurrencyConversion c) =>
        new(Text(c.Amount), c.Currency, Text(c.ConvertedAmount), c.ConvertedCurrency, Text(c.Rate), c.RateDate, c.FellBackDays, c.Inverse);

    private static BudgetResponse Budget(BudgetCheck b) =>
        new(b.BudgetId, b.PeriodId, Text(b.BudgetAmount), b.Currency, Text(b.Requested), Text(b.RemainingAfter), b.Basis, BudgetNote);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
