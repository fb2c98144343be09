using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Requisitions;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// <c>POST /v1/validate/expense-coding</c> and <c>POST /v1/validate/requisition</c>: 200 with <c>valid</c> and the list of
/// violations (reason code, field, value, message) once the body is well-formed; 400 problem details when it is not. No rule is
/// decided here: the body becomes the rules' input, the rules' assessment becomes the answer.
/// </summary>
internal static class ValidationEndpoints
{
    /// <summary>Note returned with a budget figure that deducts the procurement topology's open commitments and actuals.</summary>
    public const string DeductedNote = "Available = budget - open commitments - actuals, from the procurement topology's stores: the figure purchase orders are decided on.";

    /// <summary>Note returned with a budget figure of a process that does not run the procurement topology.</summary>
    public const string NotDeductedNote = "Open commitments and actuals are not deducted: this process does not run the procurement topology, so only the budgeted amount is known.";

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
            .WithSummary("Every rule an expense line breaks, as the expense pipeline would judge it")
            .WithDescription("Judges the line with the expense pipeline's own rules: the employee, legal entity, cost center, project and tax code " +
                             "in force on `date`, the category's GL account, the conversion into the entity's functional currency (rounded with " +
                             "`Expenses:Rounding`), the accounting period, the receipt threshold and the category's limit. Violations come in the " +
                             "pipeline's precedence order; the first is the reason the pipeline would dead-letter the line with. " +
                             "Always 200 once the body is well-formed: `valid` and the violations.")
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
                             "center's budget for the period, less the open commitments and actuals the procurement topology holds on the key " +
                             "(`budget.budgetBasis` `BUDGET_LESS_OPEN_COMMITMENTS_AND_ACTUALS`; a process that does not run that topology " +
                             "measures against the budgeted amount alone and says `BUDGETED_AMOUNT_WITHOUT_COMMITMENTS`). Always 200 once the body is well-formed.")
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
        if (body!.ToInput(errors) is not { } expense)
            return Problems.BadRequest(context, errors.Summary(), errors.ToDictionary());
        var result = api.ExpenseRules.Evaluate(expense, api.Reader, api.Today, ExpenseCodingBody.Fields);
        return TypedResults.Json(
            new ExpenseCodingResponse(result.Valid, expense.TransactionDate, Violations(result.Violations), result.Functional is { } c ? Conversion(c) : null),
            ApiJsonContext.Default.ExpenseCodingResponse);
    }

    private static async Task<IResult> RequisitionAsync(HttpContext context, ValidationApiContext api)
    {
        var (body, problem) = await JsonBodyReader.ReadAsync(context, RequisitionContract);
        if (problem is not null)
            return problem;
        var errors = new FieldErrors();
        if (body!.ToInput(api.Today, errors) is not { } request)
            return Problems.BadRequest(context, errors.Summary(), errors.ToDictionary());
        var result = api.RequisitionRules.Evaluate(request, api.Reader, api.Procurement);
        return TypedResults.Json(
            new RequisitionResponse(result.Valid, request.Date, Violations(result.Violations), result.Budget is { } b ? Budget(b) : null),
            ApiJsonContext.Default.RequisitionResponse);
    }

    private static List<ViolationResponse> Violations(IReadOnlyList<Violation> violations) =>
        violations.Select(v => new ViolationResponse(v.Code, v.Field, v.Value, v.Message)).ToList();

    private static ConversionResponse Conversion(CurrencyConversion c) =>
        new(Text(c.Amount), c.Currency, Text(c.ConvertedAmount), c.ConvertedCurrency, Text(c.Rate), c.RateDate, c.FellBackDays, c.Inverse);

    private static BudgetResponse Budget(BudgetCheck b) =>
        new(b.BudgetId, b.PeriodId, Text(b.BudgetAmount), b.Currency, Text(b.Requested), Text(b.Committed), Text(b.Actual), Text(b.Available),
            Text(b.RemainingAfter), b.Basis, b.Basis == BudgetBasis.BudgetLessCommitmentsAndActuals ? DeductedNote : NotDeductedNote);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
