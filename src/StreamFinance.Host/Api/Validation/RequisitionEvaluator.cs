using StreamFinance.Contracts;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Host.Api.MasterData;
using static StreamFinance.Rules.Checks.AmountText;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Validation;

/// <summary>
/// Checks a purchase requisition against the master data in force on its date: the cost center is active (and belongs to
/// the ordering entity when one is given), the supplier is active and not blocked, and the amount, converted into the
/// budget's currency at the date's rate, fits the cost center's budget for the open accounting period containing the
/// date. Commitments are not deducted from the budget yet (<see cref="BudgetBasis.BudgetedAmountWithoutCommitments"/>).
/// Reports every violation, not only the first. Pure: reads only through the lookup.
/// </summary>
public sealed class RequisitionEvaluator(IMasterDataLookup lookup, FxFallbackPolicy fxFallback)
{
    private readonly MasterDataReader reader = new(lookup);

    /// <summary>Evaluates one request.</summary>
    public RequisitionResult Evaluate(RequisitionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = new List<Violation>();
        var date = request.Date;

        var center = CommonChecks.CostCenter(reader, request.CostCenterId, date, "costCenterId", violations);
        if (center is not null && request.LegalEntityId is { } requested)
            CommonChecks.CostCenterEntity(center, requested, "costCenterId", violations);
        CheckSupplier(request.SupplierId, date, violations);

        var entityId = request.LegalEntityId ?? center?.legalEntityId;
        if (entityId is null)
            return new RequisitionResult(violations, null);
        var entityField = request.LegalEntityId is null ? "costCenterId" : "legalEntityId";
        if (CommonChecks.LegalEntity(reader, entityId, date, entityField, violations) is null)
            return new RequisitionResult(violations, null);
        return new RequisitionResult(violations, CheckBudget(request, entityId, date, violations));
    }

    private void CheckSupplier(string id, DateOnly date, List<Violation> violations)
    {
        var found = reader.AsOf<Supplier>(MasterDataObjectTypes.Supplier, id, date);
        if (!found.IsFound)
        {
            violations.Add(new Violation(ViolationCodes.UnknownSupplier, "supplierId", found.Absence!));
            return;
        }
        var supplier = found.Value!;
        if (supplier.status == SupplierStatus.ACTIVE)
            return;
        var since = found.History!.Since(date, s => s.status == supplier.status)!.Value;
        violations.Add(new Violation(ViolationCodes.SupplierBlocked, "supplierId",
            $"supplier {id} is {supplier.status.ToString().ToLowerInvariant()} since {Day(since)}"));
    }

    private BudgetCheck? CheckBudget(RequisitionRequest request, string entityId, DateOnly date, List<Violation> violations)
    {
        var period = reader.PeriodContaining(entityId, date);
        if (!period.IsFound)
        {
            violations.Add(new Violation(ViolationCodes.ClosedPeriod, "date", $"{period.Absence}, so there is no period budget to draw on"));
            return null;
        }
        var periodValue = period.Value!;
        if (periodValue.status != AccountingPeriodStatus.OPEN)
        {
            violations.Add(new Violation(ViolationCodes.ClosedPeriod, "date",
                $"accounting period {periodValue.periodId} ({Day(DateOnly.FromDateTime(periodValue.startDate))} to {Day(DateOnly.FromDateTime(periodValue.endDate))}) " +
                $"containing {Day(date)} is closed"));
            return null;
        }

        var budgetId = LookupKeys.Budget(request.CostCenterId, periodValue.periodId);
        var budget = reader.AsOf<Budget>(MasterDataObjectTypes.Budget, budgetId, date);
        if (!budget.IsFound)
        {
            violations.Add(new Violation(ViolationCodes.BudgetExceeded, "amount",
                $"cost center {request.CostCenterId} has no budget for period {periodValue.periodId} ({budget.Absence}), so nothing can be committed"));
            return null;
        }
        var budgeted = budget.Value!.amount;
        var budgetAmount = AvroDecimals.ToDecimal(budgeted.amount);
        var conversion = CommonChecks.Convert(reader, fxFallback, request.Amount, request.Currency, budgeted.currency, date, violations);
        if (conversion is null)
            return null;

        var check = new BudgetCheck(budgetId, periodValue.periodId, budgetAmount, budgeted.currency, conversion.ConvertedAmount,
            budgetAmount - conversion.ConvertedAmount, BudgetBasis.BudgetedAmountWithoutCommitments);
        if (conversion.ConvertedAmount > budgetAmount)
        {
            var converted = request.Currency == budgeted.currency
                ? Money(request.Amount, request.Currency)
                : $"{Money(request.Amount, request.Currency)} ({Money(conversion.ConvertedAmount, budgeted.currency)} at {Rate(conversion.Rate)}, rate of {Day(conversion.RateDate)})";
            violations.Add(new Violation(ViolationCodes.BudgetExceeded, "amount",
                $"{converted} exceeds the budget of {Money(budgetAmount, budgeted.currency)} of cost center {request.CostCenterId} for period {periodValue.periodId} " +
                "(open commitments are not deducted yet)"));
        }
        return check;
    }
}
