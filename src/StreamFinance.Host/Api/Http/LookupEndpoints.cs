using System.Globalization;
using Avro;
using Avro.Specific;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// <c>GET /v1/cost-centers/{id}</c>, <c>/v1/suppliers/{id}</c>, <c>/v1/projects/{id}</c>, <c>/v1/tax-codes/{id}</c>: the
/// version in force on <c>?date=yyyy-MM-dd</c> (default today, UTC), 404 when none is; and
/// <c>GET /v1/fx-rates/{from}/{to}?date=</c>: the rate of that date with the configured fallback, 404 when there is none.
/// Each endpoint describes itself for the OpenAPI document next to its mapping.
/// </summary>
internal static class LookupEndpoints
{
    /// <summary>Maps the look-ups on <paramref name="v1"/>.</summary>
    public static void Map(RouteGroupBuilder v1, ValidationApiContext api)
    {
        MapRecord(v1, "/cost-centers/{id}", "getCostCenter", "cost center", MasterDataObjectTypes.CostCenter, ApiExamples.CostCenter, api);
        MapRecord(v1, "/suppliers/{id}", "getSupplier", "supplier (golden record)", MasterDataObjectTypes.Supplier, ApiExamples.Supplier, api);
        MapRecord(v1, "/projects/{id}", "getProject", "project", MasterDataObjectTypes.Project, ApiExamples.Project, api);
        MapRecord(v1, "/tax-codes/{id}", "getTaxCode", "tax code", MasterDataObjectTypes.TaxCode, ApiExamples.TaxCode, api);
        v1.MapGet("/fx-rates/{from}/{to}", (HttpContext context, string from, string to) => FxRate(context, from, to, api))
            .WithName("getFxRate")
            .WithTags(ApiDocumentSetup.LookupTag)
            .WithSummary("The FX rate in force on a date")
            .WithDescription("Units of `to` per unit of `from` on the date, falling back to earlier days within `MasterData:FxFallback` (Monday to Friday only unless `CountWeekends`) " +
                             "(`fellBackDays` says how far) and to the inverse of the opposite pair (`inverse`).")
            .Produces<FxRateResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                ApiParameters.Currency(operation, "from", "Currency converted from, ISO 4217, e.g. EUR.");
                ApiParameters.Currency(operation, "to", "Currency converted into, ISO 4217, e.g. USD.");
                ApiParameters.AddDate(operation);
                ApiExamples.Attach(operation, request: null, ApiExamples.FxRateResponse(),
                    ApiExamples.BadRequest("/v1/fx-rates/eur/USD", "from", "'eur' is not an ISO 4217 code: use three upper-case letters such as EUR"));
                return Task.CompletedTask;
            });
    }

    private static void MapRecord<T>(RouteGroupBuilder v1, string pattern, string operationId, string noun, string objectType, Func<T> example, ValidationApiContext api)
        where T : class, ISpecificRecord =>
        v1.MapGet(pattern, (HttpContext context, string id) => Record<T>(context, id, objectType, api))
            .WithName(operationId)
            .WithTags(ApiDocumentSetup.LookupTag)
            .WithSummary($"The {noun} in force on a date")
            .WithDescription($"The version of the {noun} with the latest effective date on or before `date`, as its canonical record.")
            .Produces(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer((operation, context, _) =>
            {
                var record = example();
                ApiParameters.Id(operation, $"Business key of the {noun}.");
                ApiParameters.AddDate(operation);
                var answer = new OpenApiMediaType { Schema = RecordResult.Schema(context.Document!, objectType, (RecordSchema)record.Schema) };
                (operation.Responses ??= new OpenApiResponses())["200"] = new OpenApiResponse
                {
                    Description = $"The {noun} in force on the date.",
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = answer },
                };
                ApiExamples.Attach(operation, request: null, ApiExamples.Lookup(objectType, ApiExamples.KeyOf(record), new DateOnly(2026, 3, 31), record),
                    ApiExamples.BadRequest(ValidationApiServer.Prefix + pattern.Replace("{id}", ApiExamples.KeyOf(record), StringComparison.Ordinal), "date",
                        "'01.04.2026' is not a date in the form yyyy-MM-dd"));
                return Task.CompletedTask;
            });

    private static IResult Record<T>(HttpContext context, string id, string objectType, ValidationApiContext api) where T : class, ISpecificRecord
    {
        var errors = new FieldErrors();
        var key = RequestFields.Id(id, "id", required: true, errors);
        var date = api.QueryDate(context.Request, errors);
        if (errors.Any)
            return Problems.BadRequest(context, errors.Summary(), errors.ToDictionary());
        var found = api.Reader.AsOf<T>(objectType, key!, date!.Value);
        return found.IsFound
            ? new RecordResult(objectType, key!, date.Value, found.EffectiveFrom, found.Value!)
            : Problems.NotFound(context, $"{Capitalised(found.Absence!)}.");
    }

    private static IResult FxRate(HttpContext context, string from, string to, ValidationApiContext api)
    {
        var errors = new FieldErrors();
        var source = RequestFields.CurrencyForm(from, "from", errors);
        var target = RequestFields.CurrencyForm(to, "to", errors);
        var date = api.QueryDate(context.Request, errors);
        if (errors.Any)
            return Problems.BadRequest(context, errors.Summary(), errors.ToDictionary());
        var rate = api.Reader.FxRate(source!, target!, date!.Value, api.FxFallback);
        if (!rate.IsFound)
            return Problems.NotFound(context, rate.Reason!);
        return TypedResults.Json(
            new FxRateResponse(source!, target!, date.Value, rate.Rate!.Value.ToString(CultureInfo.InvariantCulture), rate.RateDate!.Value, rate.CalendarDaysBack, rate.IsInverse),
            ApiJsonContext.Default.FxRateResponse);
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
