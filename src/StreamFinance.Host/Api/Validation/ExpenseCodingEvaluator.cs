using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Validation;

/// <summary>
/// Checks the coding of an expense against the master data in force on its date: the legal entity exists; the cost
/// center exists, is active and belongs to the entity; the project (if any) exists and is open; the tax code (if any)
/// exists, applies on the date and in the entity's country; and an amount in a foreign currency can be converted into
/// the entity's functional currency. Reports every violation, not only the first. Pure: reads only through the lookup.
/// </summary>
public sealed class ExpenseCodingEvaluator(IMasterDataLookup lookup, FxFallbackPolicy fxFallback)
{
    private readonly MasterDataReader reader = new(lookup);

    /// <summary>Evaluates one request.</summary>
    public ExpenseCodingResult Evaluate(ExpenseCodingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = new List<Violation>();
        var date = request.Date;

        var entity = CommonChecks.LegalEntity(reader, request.LegalEntityId, date, "legalEntityId", violations);
        var center = CommonChecks.CostCenter(reader, request.CostCenterId, date, "costCenterId", violations);
        if (center is not null)
            CommonChecks.CostCenterEntity(center, request.LegalEntityId, "costCenterId", violations);
        if (request.ProjectId is { } projectId)
            CommonChecks.Project(reader, projectId, date, "projectId", violations);
        if (request.TaxCodeId is { } taxCodeId)
            CommonChecks.TaxCode(reader, taxCodeId, entity, request.LegalEntityId, date, "taxCodeId", violations);

        CurrencyConversion? conversion = null;
        if (entity is not null)
            conversion = CommonChecks.Convert(reader, fxFallback, request.Amount, request.Currency, entity.functionalCurrency, date, violations);
        return new ExpenseCodingResult(violations, conversion);
    }
}
