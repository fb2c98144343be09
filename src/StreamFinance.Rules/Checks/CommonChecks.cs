using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Domain.Money;
using static StreamFinance.Rules.Checks.AmountText;

using StreamFinance.Rules.Lookups;

namespace StreamFinance.Rules.Checks;

/// <summary>
/// The point-in-time master-data rules shared by the validation API (expense coding, requisitions) and the expense
/// topology; each adds its violations to a list, with messages that name the field's value and the date.
/// </summary>
public static class CommonChecks
{
    /// <summary>The legal entity in force on <paramref name="date"/>; UNKNOWN_LEGAL_ENTITY when there is none.</summary>
    public static LegalEntity? LegalEntity(MasterDataReader reader, string id, DateOnly date, string field, List<Violation> violations)
    {
        var entity = reader.AsOf<LegalEntity>(MasterDataObjectTypes.LegalEntity, id, date);
        if (!entity.IsFound)
            violations.Add(new Violation(ReasonCode.UnknownLegalEntity, field, id, entity.Absence!) { Awaits = AwaitedObject(entity, MasterDataObjectTypes.LegalEntity, id) });
        return entity.Value;
    }

    /// <summary>
    /// The cost center in force on <paramref name="date"/>: UNKNOWN_COST_CENTER when it is unknown (or deleted then);
    /// INACTIVE_COST_CENTER when its status is not ACTIVE, the date is outside its validity, or it exists but only from a
    /// later date ("not valid yet on 2026-04-10: valid from 2026-05-01"). Returned even when inactive, the later version
    /// when not valid yet (its entity still counts).
    /// </summary>
    public static CostCenter? CostCenter(MasterDataReader reader, string id, DateOnly date, string field, List<Violation> violations)
    {
        var found = reader.AsOf<CostCenter>(MasterDataObjectTypes.CostCenter, id, date);
        if (!found.IsFound)
        {
            // Known, but its first live version comes later: it exists, it is not valid yet.
            if (found.History?.Versions.FirstOrDefault(v => v.EffectiveFrom > date && !v.IsDeleted) is { } later)
            {
                var laterFrom = DateOnly.FromDateTime(later.Value.validFrom);
                violations.Add(new Violation(ReasonCode.InactiveCostCenter, field, id, NotValidYet(id, date, laterFrom > later.EffectiveFrom ? laterFrom : later.EffectiveFrom)));
                return later.Value;
            }
            violations.Add(new Violation(ReasonCode.UnknownCostCenter, field, id, found.Absence!) { Awaits = AwaitedObject(found, MasterDataObjectTypes.CostCenter, id) });
            return null;
        }
        var center = found.Value!;
        var validFrom = DateOnly.FromDateTime(center.validFrom);
        DateOnly? ended = center.validTo is { } validTo ? DateOnly.FromDateTime(validTo).AddDays(1) : null;
        if (center.status != CostCenterStatus.ACTIVE)
        {
            var since = found.History!.Since(date, c => c.status == center.status)!.Value;
            if (ended is { } end && end <= date && end < since)
                since = end;
            violations.Add(new Violation(ReasonCode.InactiveCostCenter, field, id, $"cost center {id} is {center.status.ToString().ToLowerInvariant()} since {Day(since)}"));
        }
        else if (date < validFrom)
            violations.Add(new Violation(ReasonCode.InactiveCostCenter, field, id, NotValidYet(id, date, validFrom)));
        else if (ended is { } end && end <= date)
            violations.Add(new Violation(ReasonCode.InactiveCostCenter, field, id, $"cost center {id} is inactive since {Day(end)} (valid to {Day(end.AddDays(-1))})"));
        return center;
    }

    private static string NotValidYet(string id, DateOnly date, DateOnly validFrom) =>
        $"cost center {id} is not valid yet on {Day(date)}: valid from {Day(validFrom)}";

    /// <summary>COST_CENTER_ENTITY_MISMATCH when <paramref name="center"/> belongs to another entity than <paramref name="legalEntityId"/>.</summary>
    public static void CostCenterEntity(CostCenter center, string legalEntityId, string field, List<Violation> violations)
    {
        if (!string.Equals(center.legalEntityId, legalEntityId, StringComparison.Ordinal))
            violations.Add(new Violation(ReasonCode.CostCenterEntityMismatch, field, center.costCenterId,
                $"cost center {center.costCenterId} belongs to legal entity {center.legalEntityId}, not {legalEntityId}"));
    }

    /// <summary>
    /// The supplier in force on <paramref name="date"/>, by golden id, else (when <paramref name="sourceSystem"/> is
    /// given) through the golden records' cross-references of that source system: UNKNOWN_SUPPLIER when neither finds
    /// one; SUPPLIER_BLOCKED when its status is not ACTIVE or its risk rating is BLOCKED; SUPPLIER_RISK_HOLD when its
    /// risk screening is HIGH (status or rating) or its compliance NON_COMPLIANT. Returned even when blocked or held.
    /// </summary>
    public static Supplier? Supplier(MasterDataReader reader, string id, string? sourceSystem, DateOnly date, string field, List<Violation> violations)
    {
        var found = reader.AsOf<Supplier>(MasterDataObjectTypes.Supplier, id, date);
        if (!found.IsFound && sourceSystem is not null && reader.SupplierByReference(sourceSystem, id, date) is { } referenced)
            found = referenced;
        if (!found.IsFound)
        {
            violations.Add(new Violation(ReasonCode.UnknownSupplier, field, id, found.Absence!) { Awaits = AwaitedObject(found, MasterDataObjectTypes.Supplier, id) });
            return null;
        }
        var supplier = found.Value!;
        var name = supplier.supplierId == id ? $"supplier {id}" : $"supplier {supplier.supplierId} ({sourceSystem} {id})";
        if (supplier.status != SupplierStatus.ACTIVE)
        {
            var since = found.History!.Since(date, s => s.status == supplier.status)!.Value;
            violations.Add(new Violation(ReasonCode.SupplierBlocked, field, id, $"{name} is {supplier.status.ToString().ToLowerInvariant()} since {Day(since)}"));
        }
        else if (supplier.riskRating is { rating: SupplierRiskRatingLevel.BLOCKED } blocked)
            violations.Add(new Violation(ReasonCode.SupplierBlocked, field, id, $"{name} is rated BLOCKED by {blocked.ratedBy ?? "the risk platform"} as of {Day(DateOnly.FromDateTime(blocked.asOf))}"));
        else if (supplier.riskRating is { rating: SupplierRiskRatingLevel.HIGH } high)
            violations.Add(new Violation(ReasonCode.SupplierRiskHold, field, id, $"{name} is rated HIGH risk by {high.ratedBy ?? "the risk platform"} as of {Day(DateOnly.FromDateTime(high.asOf))}"));
        else if (supplier.riskStatus == SupplierRiskStatus.HIGH)
            violations.Add(new Violation(ReasonCode.SupplierRiskHold, field, id, $"{name} has a HIGH risk screening"));
        else if (supplier.complianceStatus == SupplierComplianceStatus.NON_COMPLIANT)
            violations.Add(new Violation(ReasonCode.SupplierRiskHold, field, id, $"{name} is NON_COMPLIANT (sanctions, tax or documents)"));
        return supplier;
    }

    /// <summary>The GL account in force on <paramref name="date"/>: UNKNOWN_GL_ACCOUNT when there is none or it is blocked.</summary>
    public static GlAccount? GlAccount(MasterDataReader reader, string id, DateOnly date, string field, List<Violation> violations)
    {
        var found = reader.AsOf<GlAccount>(MasterDataObjectTypes.GlAccount, id, date);
        if (!found.IsFound)
        {
            violations.Add(new Violation(ReasonCode.UnknownGlAccount, field, id, found.Absence!) { Awaits = AwaitedObject(found, MasterDataObjectTypes.GlAccount, id) });
            return null;
        }
        if (found.Value!.status != GlAccountStatus.ACTIVE)
            violations.Add(new Violation(ReasonCode.UnknownGlAccount, field, id, $"GL account {id} is blocked for postings"));
        return found.Value;
    }

    /// <summary>
    /// The open accounting period of <paramref name="legalEntityId"/> containing <paramref name="date"/>: CLOSED_PERIOD
    /// on <paramref name="field"/> when no period contains it or the one that does is closed (<paramref name="consequence"/>
    /// says what that prevents, e.g. "so there is no period budget to draw on").
    /// </summary>
    public static AccountingPeriod? OpenPeriod(MasterDataReader reader, string legalEntityId, DateOnly date, string field, string consequence, List<Violation> violations)
    {
        var period = reader.PeriodContaining(legalEntityId, date);
        if (!period.IsFound)
        {
            violations.Add(new Violation(ReasonCode.ClosedPeriod, field, Day(date), $"{period.Absence}, {consequence}"));
            return null;
        }
        var value = period.Value!;
        if (value.status == AccountingPeriodStatus.OPEN)
            return value;
        violations.Add(new Violation(ReasonCode.ClosedPeriod, field, Day(date),
            $"accounting period {value.periodId} ({Day(DateOnly.FromDateTime(value.startDate))} to {Day(DateOnly.FromDateTime(value.endDate))}) containing {Day(date)} is closed"));
        return null;
    }

    /// <summary>
    /// <paramref name="amount"/> converted into <paramref name="target"/> at the rate of <paramref name="date"/> (with
    /// fallback); FX_RATE_MISSING (on <paramref name="field"/>) and null when there is no rate. The result is rounded to
    /// the minor unit of <paramref name="target"/> with <paramref name="rounding"/>, which every caller states (the
    /// expense rules pass <c>Expenses:Rounding</c>); 4 places for a currency outside ISO 4217.
    /// </summary>
    public static CurrencyConversion? Convert(
        MasterDataReader reader, FxFallbackPolicy policy, decimal amount, string currency, string target, DateOnly date, List<Violation> violations,
        MidpointRounding rounding, string field)
    {
        var rate = reader.FxRate(currency, target, date, policy);
        if (!rate.IsFound)
        {
            violations.Add(new Violation(ReasonCode.FxRateMissing, field, Money(amount, currency), $"no rate to convert {currency} into {target}: {rate.Reason}")
            {
                // Rates arrive day by day: a missing one is not yet known, never known to be absent.
                Awaits = LookupKeys.Of(MasterDataObjectTypes.ExchangeRate, $"{currency}/{target}/{Day(date)}"),
            });
            return null;
        }
        var converted = amount * rate.Rate!.Value;
        converted = CurrencyMinorUnits.IsKnown(target) ? CurrencyMinorUnits.Round(converted, target, rounding) : Math.Round(converted, 4, rounding);
        return new CurrencyConversion(amount, currency, converted, target, rate.Rate.Value, rate.RateDate!.Value, rate.CalendarDaysBack, rate.IsInverse);
    }

    /// <summary>
    /// The project in force on <paramref name="date"/>: UNKNOWN_PROJECT when there is none, CLOSED_PROJECT when it is
    /// closed then or the date is outside its start and end dates. Returned even when closed.
    /// </summary>
    public static Project? Project(MasterDataReader reader, string id, DateOnly date, string field, List<Violation> violations)
    {
        var found = reader.AsOf<Project>(MasterDataObjectTypes.Project, id, date);
        if (!found.IsFound)
        {
            violations.Add(new Violation(ReasonCode.UnknownProject, field, id, found.Absence!) { Awaits = AwaitedObject(found, MasterDataObjectTypes.Project, id) });
            return null;
        }
        var project = found.Value!;
        var start = DateOnly.FromDateTime(project.startDate);
        DateOnly? ended = project.endDate is { } end ? DateOnly.FromDateTime(end).AddDays(1) : null;
        if (project.status != ProjectStatus.OPEN)
        {
            var since = found.History!.Since(date, p => p.status != ProjectStatus.OPEN)!.Value;
            if (ended is { } e && e <= date && e < since)
                since = e;
            violations.Add(new Violation(ReasonCode.ClosedProject, field, id, $"project {id} is closed since {Day(since)}"));
        }
        else if (date < start)
            violations.Add(new Violation(ReasonCode.ClosedProject, field, id, $"project {id} starts on {Day(start)}; no costs may be coded to it before"));
        else if (ended is { } e && e <= date)
            violations.Add(new Violation(ReasonCode.ClosedProject, field, id, $"project {id} is closed since {Day(e)} (end date {Day(e.AddDays(-1))})"));
        return project;
    }

    /// <summary>
    /// The tax code in force on <paramref name="date"/>: UNKNOWN_TAX_CODE when there is none; INVALID_TAX_JURISDICTION
    /// when it does not apply on the date, or its jurisdiction is not in the country of <paramref name="entity"/>
    /// (when known). Returned even when invalid.
    /// </summary>
    public static TaxCode? TaxCode(MasterDataReader reader, string id, LegalEntity? entity, string legalEntityId, DateOnly date, string field, List<Violation> violations)
    {
        var found = reader.AsOf<TaxCode>(MasterDataObjectTypes.TaxCode, id, date);
        if (!found.IsFound)
        {
            violations.Add(new Violation(ReasonCode.UnknownTaxCode, field, id, found.Absence!) { Awaits = AwaitedObject(found, MasterDataObjectTypes.TaxCode, id) });
            return null;
        }
        var tax = found.Value!;
        var from = DateOnly.FromDateTime(tax.validFrom);
        DateOnly? to = tax.validTo is { } t ? DateOnly.FromDateTime(t) : null;
        if (date < from || (to is { } last && date > last))
            violations.Add(new Violation(ReasonCode.InvalidTaxJurisdiction, field, id,
                $"tax code {id} applies from {Day(from)}{(to is { } l ? $" to {Day(l)}" : "")}, not on {Day(date)}"));
        if (entity is null)
            return tax;
        var country = JurisdictionCountry(tax.jurisdiction);
        if (!string.Equals(country, entity.country, StringComparison.OrdinalIgnoreCase))
            violations.Add(new Violation(ReasonCode.InvalidTaxJurisdiction, field, id,
                $"tax code {id} applies in {tax.jurisdiction}, but legal entity {legalEntityId} is in {entity.country}"));
        return tax;
    }

    /// <summary>
    /// The <c>md.history</c> key of an object that is absent because it has never been seen (it may still arrive); null
    /// when its history is known and says it does not exist on the date (not yet in force, deleted).
    /// </summary>
    public static string? AwaitedObject<T>(VersionInForce<T> found, string objectType, string id) where T : class =>
        found.IsFound || found.History is not null ? null : LookupKeys.Of(objectType, id);

    /// <summary>The country of an ISO 3166-1 code or of an ISO 3166-2 subdivision (<c>US-CA</c> is in <c>US</c>).</summary>
    public static string JurisdictionCountry(string jurisdiction)
    {
        var dash = jurisdiction.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? jurisdiction : jurisdiction[..dash]).Trim();
    }
}
