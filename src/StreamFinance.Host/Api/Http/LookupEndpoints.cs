using System.Globalization;
using Avro.Specific;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// <c>GET /v1/cost-centers/{id}</c>, <c>/v1/suppliers/{id}</c>, <c>/v1/projects/{id}</c>, <c>/v1/tax-codes/{id}</c>: the
/// version in force on <c>?date=yyyy-MM-dd</c> (default today, UTC), 404 when none is; and
/// <c>GET /v1/fx-rates/{from}/{to}?date=</c>: the rate of that date with the configured fallback, 404 when there is none.
/// </summary>
internal static class LookupEndpoints
{
    /// <summary>Maps the look-ups on <paramref name="v1"/>.</summary>
    public static void Map(RouteGroupBuilder v1, ValidationApiContext api)
    {
        MapRecord<CostCenter>(v1, "/cost-centers/{id}", MasterDataObjectTypes.CostCenter, api);
        MapRecord<Supplier>(v1, "/suppliers/{id}", MasterDataObjectTypes.Supplier, api);
        MapRecord<Project>(v1, "/projects/{id}", MasterDataObjectTypes.Project, api);
        MapRecord<TaxCode>(v1, "/tax-codes/{id}", MasterDataObjectTypes.TaxCode, api);
        v1.MapGet("/fx-rates/{from}/{to}", context => FxRate(context, Route(context, "from"), Route(context, "to"), api).ExecuteAsync(context));
    }

    private static void MapRecord<T>(RouteGroupBuilder v1, string pattern, string objectType, ValidationApiContext api) where T : class, ISpecificRecord =>
        // Plain request delegates (no parameter binding to generate): the handlers read route and query themselves.
        v1.MapGet(pattern, context => Record<T>(context, Route(context, "id"), objectType, api).ExecuteAsync(context));

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

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? "";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
