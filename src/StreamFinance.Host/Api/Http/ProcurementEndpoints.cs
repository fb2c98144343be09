using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamFinance.Contracts;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.Budgets;
using StreamFinance.Domain.MasterData;
using StreamFinance.Host.Api.Procurement;
using StreamFinance.Kafka.Holds;
using StreamFinance.Rules.Lookups;
using StreamFinance.Rules.Requisitions;
using StreamFinance.Topologies.Procurement;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// <c>GET /v1/budgets/{costCenterOrProject}?period=&amp;date=</c>: budget, open commitments, actuals and what is
/// available on one budget key, from the procurement topology's stores; <c>GET /v1/purchase-orders/{poNumber}</c>: the
/// order's status, commitment and hold reasons. 503 while the topology's stores cannot be read (or when this process
/// does not run it), 404 for what it does not know.
/// </summary>
internal static class ProcurementEndpoints
{
    /// <summary>Maps the procurement queries on <paramref name="v1"/>.</summary>
    public static void Map(RouteGroupBuilder v1, ValidationApiContext api)
    {
        v1.MapGet("/budgets/{costCenterOrProject}", (HttpContext context, string costCenterOrProject) => Budget(context, costCenterOrProject, api))
            .WithName("getBudgetPosition")
            .WithTags(ApiDocumentSetup.ProcurementTag)
            .WithSummary("Budget, open commitments, actuals and what is available on a budget key")
            .WithDescription("The budget of the cost center or project for the accounting period `period` (default: the period of its legal entity " +
                             "containing `date`), in the version in force on `date` (default today), with the open commitments and actuals the " +
                             "procurement topology holds on the key: `available` = budget - committed - actual, the figure its budget rule decides on.")
            .Produces<BudgetPositionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                ApiParameters.Key(operation, "costCenterOrProject", "Cost center or project id whose budget is asked for.");
                ApiParameters.AddPeriod(operation);
                ApiParameters.AddDate(operation);
                ApiExamples.Attach(operation, request: null, ApiExamples.BudgetPosition(),
                    ApiExamples.BadRequest("/v1/budgets/CC-1000", "period", "is given more than once"));
                return Task.CompletedTask;
            });
        v1.MapGet("/purchase-orders/{poNumber}", (HttpContext context, string poNumber) => Order(context, poNumber, api))
            .WithName("getPurchaseOrderStatus")
            .WithTags(ApiDocumentSetup.ProcurementTag)
            .WithSummary("Where a purchase order stands: status, commitment and hold reason")
            .WithDescription("The purchase order as the procurement topology keeps it: DRAFT, COMMITTED, HELD, CANCELLED or CLOSED, the revision " +
                             "decided and the one committed, the last commitment written, and while held every reason with when it was first held.")
            .Produces<PurchaseOrderStatusResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                ApiParameters.Key(operation, "poNumber", "The PO number.");
                ApiExamples.Attach(operation, request: null, ApiExamples.PurchaseOrderStatus(),
                    ApiExamples.BadRequest("/v1/purchase-orders/%20", "poNumber", "must not be blank"));
                return Task.CompletedTask;
            });
    }

    private static IResult Budget(HttpContext context, string costCenterOrProject, ValidationApiContext api)
    {
        var errors = new FieldErrors();
        var id = RequestFields.Id(costCenterOrProject, "costCenterOrProject", required: true, errors);
        var date = api.QueryDate(context.Request, errors);
        var period = Period(context.Request, errors);
        if (errors.Any)
            return Problems.BadRequest(context, errors.Summary(), errors.ToDictionary());
        var book = Book(api);
        string? absence = null;
        var periodId = period ?? CurrentPeriod(api.Reader, id!, date!.Value, out absence);
        if (periodId is null)
            return Problems.NotFound(context, absence!);
        var key = LookupKeys.Budget(id!, periodId);
        var budget = api.Reader.AsOf<Budget>(MasterDataObjectTypes.Budget, key, date!.Value);
        if (!budget.IsFound)
            return Problems.NotFound(context, $"No budget {key} is in force on {Day(date.Value)}: {budget.Absence}.");
        var amount = budget.Value!.amount;
        var drawn = book.Of(key);
        var position = new BudgetPosition(key, AvroDecimals.ToDecimal(amount.amount), drawn.Committed, drawn.Actual, amount.currency);
        return TypedResults.Json(
            new BudgetPositionResponse(key, id!, periodId, date.Value, position.Currency, Text(position.Budget), Text(position.Committed),
                Text(position.Actual), Text(position.Available), BudgetBasis.BudgetLessCommitmentsAndActuals),
            ApiJsonContext.Default.BudgetPositionResponse);
    }

    private static IResult Order(HttpContext context, string poNumber, ValidationApiContext api)
    {
        var errors = new FieldErrors();
        var key = RequestFields.Id(poNumber, "poNumber", required: true, errors);
        if (errors.Any)
            return Problems.BadRequest(context, errors.Summary(), errors.ToDictionary());
        if (Book(api).Order(key!) is not { } standing)
            return Problems.NotFound(context, $"The procurement topology has not seen purchase order {key}.");
        var last = standing.LastCommitment;
        var hold = standing.State.Stage == OrderStage.Held && standing.Hold is { } held
            ? new HoldResponse(held.reasons[0].code, held.reasons[0].message, held.HeldSince().UtcDateTime,
                [.. held.reasons.Select(r => new HoldReasonResponse(r.code, r.field, r.message))])
            : null;
        return TypedResults.Json(
            new PurchaseOrderStatusResponse(standing.PoNumber, standing.State.Stage.ToString().ToUpperInvariant(), standing.State.Revision, standing.State.CommittedRevision,
                last is null ? null : new CommitmentSummaryResponse(last.commitmentId, last.kind.ToString(), last.reconciliationId,
                    last.functionalTotal is { } total ? Text(AvroDecimals.ToDecimal(total.amount)) : null, last.functionalTotal?.currency),
                hold),
            ApiJsonContext.Default.PurchaseOrderStatusResponse);
    }

    /// <summary>The procurement topology's stores; a 503 when this process does not run it.</summary>
    private static IProcurementBook Book(ValidationApiContext api) =>
        api.Procurement ?? throw new StoreUnavailableException(ProcurementNames.CommittedStore, ProcurementTopology.TopologyName, "not run by this process");

    /// <summary>The <c>?period=</c> asked for; null when not given (or malformed, with a problem in <paramref name="errors"/>).</summary>
    private static string? Period(HttpRequest request, FieldErrors errors)
    {
        var values = request.Query["period"];
        if (values.Count > 1)
        {
            errors.Add("period", "is given more than once");
            return null;
        }
        return values.Count == 0 ? null : RequestFields.Id(values[0], "period", required: true, errors);
    }

    /// <summary>The period containing <paramref name="date"/> of the legal entity of cost center or project <paramref name="id"/>.</summary>
    private static string? CurrentPeriod(MasterDataReader reader, string id, DateOnly date, out string? absence)
    {
        var entity = reader.AsOf<CostCenter>(MasterDataObjectTypes.CostCenter, id, date).Value?.legalEntityId
                     ?? reader.AsOf<Project>(MasterDataObjectTypes.Project, id, date).Value?.legalEntityId;
        if (entity is null)
        {
            absence = $"No cost center or project {id} is in force on {Day(date)}, so the period of its budget is not known: name it with ?period=.";
            return null;
        }
        var period = reader.PeriodContaining(entity, date);
        absence = period.IsFound ? null : $"No accounting period of {entity} contains {Day(date)} ({period.Absence}): name it with ?period=.";
        return period.Value?.periodId;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
