using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Domain.Money;
using StreamFinance.Host.Api.MasterData;
using static StreamFinance.Host.Api.Validation.AmountText;

namespace StreamFinance.Host.Api.Validation;

/// <summary>The rules shared by the expense-coding and requisition checks; each adds its violations to a list.</summary>
internal static class CommonChecks
{
    /// <summary>The legal entity in force on <paramref name="date"/>; UNKNOWN_LEGAL_ENTITY when there is none.</summary>
    public static LegalEntity? LegalEntity(MasterDataReader reader, string id, DateOnly date, string field, List<Violation> violations)
    {
        var entity = reader.AsOf<LegalEntity>(MasterDataObjectTypes.LegalEntity, id, date);
        if (!entity.IsFound)
            violations.Add(new Violation(ViolationCodes.UnknownLegalEntity, field, entity.Absence!));
        return entity.Value;
    }

    /// <summary>
    /// The cost center in force on <paramref name="date"/>: UNKNOWN_COST_CENTER when there is none, INACTIVE_COST_CENTER
    /// when its status is not ACTIVE or the date is outside its validity. Returned even when inactive (its entity still counts).
    /// </summary>
    public static CostCenter? CostCenter(MasterDataReader reader, string id, DateOnly date, string field, List<Violation> violations)
    {
        var found = reader.AsOf<CostCenter>(MasterDataObjectTypes.CostCenter, id, date);
        if (!found.IsFound)
        {
            violations.Add(new Violation(ViolationCodes.UnknownCostCenter, field, found.Absence!));
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
            violations.Add(new Violation(ViolationCodes.InactiveCostCenter, field, $"cost center {id} is {center.status.ToString().ToLowerInvariant()} since {Day(since)}"));
        }
        else if (date < validFrom)
            violations.Add(new Violation(ViolationCodes.InactiveCostCenter, field, $"cost center {id} is not valid before {Day(validFrom)}"));
        else if (ended is { } end && end <= date)
            violations.Add(new Violation(ViolationCodes.InactiveCostCenter, field, $"cost center {id} is inactive since {Day(end)} (valid to {Day(end.AddDays(-1))})"));
        return center;
    }

    /// <summary>COST_CENTER_ENTITY_MISMATCH when <paramref name="center"/> belongs to another entity than <paramref name="legalEntityId"/>.</summary>
    public static void CostCenterEntity(CostCenter center, string legalEntityId, string field, List<Violation> violations)
    {
        if (!string.Equals(center.legalEntityId, legalEntityId, StringComparison.Ordinal))
            violations.Add(new Violation(ViolationCodes.CostCenterEntityMismatch, field,
                $"cost center {center.costCenterId} belongs to legal entity {center.legalEntityId}, not {legalEntityId}"));
    }

    /// <summary>
    /// <paramref name="amount"/> converted into <paramref name="target"/> at the rate of <paramref name="date"/> (with
    /// fallback); FX_RATE_MISSING (on the currency field) and null when there is no rate.
    /// </summary>
    public static CurrencyConversion? Convert(
        MasterDataReader reader, FxFallbackPolicy policy, decimal amount, string currency, string target, DateOnly date, List<Violation> violations)
    {
        var rate = reader.FxRate(currency, target, date, policy);
        if (!rate.IsFound)
        {
            violations.Add(new Violation(ViolationCodes.FxRateMissing, "currency", $"no rate to convert {currency} into {target}: {rate.Reason}"));
            return null;
        }
        var converted = amount * rate.Rate!.Value;
        converted = CurrencyMinorUnits.IsKnown(target) ? CurrencyMinorUnits.Round(converted, target) : Math.Round(converted, 4, MidpointRounding.AwayFromZero);
        return new CurrencyConversion(amount, currency, converted, target, rate.Rate.Value, rate.RateDate!.Value, rate.CalendarDaysBack, rate.IsInverse);
    }
}
