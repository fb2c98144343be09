using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamFinance.Host.Api.Validation;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
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
        // Route handlers, not plain RequestDelegates, so that the OpenAPI generator sees them; they take only the HttpContext
        // and read the body themselves (JsonBodyReader), so nothing is bound per request. The metadata only describes them.
        Func<HttpContext, Task<IResult>> expenseCoding = context => ExpenseCodingAsync(context, api);
        Func<HttpContext, Task<IResult>> requisition = context => RequisitionAsync(context, api);
        v1.MapPost("/validate/expense-coding", expenseCoding)
            .WithName("validateExpenseCoding")
            .WithTags(ApiDocumentSetup.ValidationTag)
            .WithSummary("Every rule the coding of an expense line breaks")
            .WithDescription("Checks the legal entity, cost center, project and tax code in force on `date`, the accounting period and the " +
                             "conversion into the entity's functional currency. Always 200 once the body is well-formed: `valid` and the violations.")
            .Produces<ExpenseCodingResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer(async (operation, context, ct) =>
            {
                await ApiRequestBodies.DescribeAsync<ExpenseCodingBody>(operation, context, ct);
                ApiExamples.Attach(operation, ApiExamples.ExpenseCodingRequest(), ApiExamples.ExpenseCodingResponse(),
                    ApiExamples.BadRequest("/v1/validate/expense-coding", "currency", "'usd' is not an ISO 4217 code: use three upper-case letters such as EUR"));
            });
        v1.MapPost("/validate/requisition", requisition)
            .WithName("validateRequisition")
            .WithTags(ApiDocumentSetup.ValidationTag)
            .WithSummary("Every rule a purchase requisition breaks, and the budget it was measured against")
            .WithDescription("Checks the cost center, supplier and accounting period on `date` (default today) and the amount against the cost " +
                             "center's budget for the period. Budgets are checked against the budgeted amount alone: open commitments are not deducted yet " +
                             "(`budget.budgetBasis`). Always 200 once the body is well-formed.")
            .Produces<RequisitionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer(async (operation, context, ct) =>
            {
                await ApiRequestBodies.DescribeAsync<RequisitionBody>(operation, context, ct);
                ApiExamples.Attach(operation, ApiExamples.RequisitionRequest(), ApiExamples.RequisitionResponse(),
                    ApiExamples.BadRequest("/v1/validate/requisition", "amount", "is required"));
            });
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
