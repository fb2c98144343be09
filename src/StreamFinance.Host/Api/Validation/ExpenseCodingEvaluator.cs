using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Host.Api.MasterData;
using static StreamFinance.Host.Api.Validation.AmountText;

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
            CheckProject(projectId, date, violations);
        if (request.TaxCodeId is { } taxCodeId)
            CheckTaxCode(taxCodeId, entity, request.LegalEntityId, date, violations);

        CurrencyConversion? conversion = null;
        if (entity is not null)
            conversion = CommonChecks.Convert(reader, fxFallback, request.Amount, request.Currency, entity.functionalCurrency, date, violations);
        return new ExpenseCodingResult(violations, conversion);
    }

    private void CheckProject(string id, DateOnly date, List<Violation> violations)
    {
        var found = reader.AsOf<Project>(MasterDataObjectTypes.Project, id, date);
        if (!found.IsFound)
        {
            violations.Add(new Violation(ViolationCodes.UnknownProject, "projectId", found.Absence!));
            return;
        }
        var project = found.Value!;
        var start = DateOnly.FromDateTime(project.startDate);
        DateOnly? ended = project.endDate is { } end ? DateOnly.FromDateTime(end).AddDays(1) : null;
        if (project.status != ProjectStatus.OPEN)
        {
            var since = found.History!.Since(date, p => p.status != ProjectStatus.OPEN)!.Value;
            if (ended is { } e && e <= date && e < since)
                since = e;
            violations.Add(new Violation(ViolationCodes.ClosedProject, "projectId", $"project {id} is closed since {Day(since)}"));
        }
        else if (date < start)
            violations.Add(new Violation(ViolationCodes.ClosedProject, "projectId", $"project {id} starts on {Day(start)}; no costs may be coded to it before"));
        else if (ended is { } e && e <= date)
            violations.Add(new Violation(ViolationCodes.ClosedProject, "projectId", $"project {id} is closed since {Day(e)} (end date {Day(e.AddDays(-1))})"));
    }

    private void CheckTaxCode(string id, LegalEntity? entity, string legalEntityId, DateOnly date, List<Violation> violations)
    {
        var found = reader.AsOf<TaxCode>(MasterDataObjectTypes.TaxCode, id, date);
        if (!found.IsFound)
        {
            violations.Add(new Violation(ViolationCodes.UnknownTaxCode, "taxCodeId", found.Absence!));
            return;
        }
        var tax = found.Value!;
        var from = DateOnly.FromDateTime(tax.validFrom);
        DateOnly? to = tax.validTo is { } t ? DateOnly.FromDateTime(t) : null;
        if (date < from || (to is { } last && date > last))
            violations.Add(new Violation(ViolationCodes.InvalidTaxJurisdiction, "taxCodeId",
                $"tax code {id} applies from {Day(from)}{(to is { } l ? $" to {Day(l)}" : "")}, not on {Day(date)}"));
        if (entity is null)
            return;
        var country = JurisdictionCountry(tax.jurisdiction);
        if (!string.Equals(country, entity.country, StringComparison.OrdinalIgnoreCase))
            violations.Add(new Violation(ViolationCodes.InvalidTaxJurisdiction, "taxCodeId",
                $"tax code {id} applies in {tax.jurisdiction}, but legal entity {legalEntityId} is in {entity.country}"));
    }

    /// <summary>The country of an ISO 3166-1 code or of an ISO 3166-2 subdivision (<c>US-CA</c> is in <c>US</c>).</summary>
    private static string JurisdictionCountry(string jurisdiction)
    {
        var dash = jurisdiction.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? jurisdiction : jurisdiction[..dash]).Trim();
    }
}
