using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// <c>GET /v1/audit/{id}</c>: the journey of the transactions an id names (a correlation id, an expense or card
/// transaction id, a master-data key, a reconciliation id), from the audit index; 404 when no audit event names it.
/// </summary>
internal static class AuditEndpoints
{
    /// <summary>Maps the audit trail on <paramref name="v1"/>.</summary>
    public static void Map(RouteGroupBuilder v1, ValidationApiContext api) =>
        v1.MapGet("/audit/{id}", (HttpContext context, string id) => Trace(context, id, api))
            .WithName("getAuditTrail")
            .WithTags(ApiDocumentSetup.AuditTag)
            .WithSummary("The audit trail of a transaction")
            .WithDescription("Every decision recorded for the transactions the id names, per transaction in hash-chain order: ingested, mapped (profile), " +
                             "deduplicated, held, released, approved, merged, posted (reconciliation id), dead-lettered (reason), replayed; with origin, " +
                             "source and processing times, masked payload snapshots and their SHA-256.")
            .Produces<AuditTrailResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                ApiParameters.Id(operation, "A correlation id, business id (expense id, card transaction id, master-data key) or related id (reconciliation id).");
                ApiExamples.Attach(operation, request: null, ApiExamples.AuditTrail(),
                    ApiExamples.BadRequest("/v1/audit/%20", "id", "must not be blank"));
                return Task.CompletedTask;
            });

    private static IResult Trace(HttpContext context, string id, ValidationApiContext api)
    {
        var errors = new FieldErrors();
        var key = RequestFields.Id(id, "id", required: true, errors);
        if (errors.Any)
            return Problems.BadRequest(context, errors.Summary(), errors.ToDictionary());
        var timeline = api.Audit.Trace(key!);
        return timeline.Events.Count == 0
            ? Problems.NotFound(context, $"No audit event names '{key}'.")
            : TypedResults.Json(AuditTrailResponse.From(timeline), ApiJsonContext.Default.AuditTrailResponse);
    }
}
