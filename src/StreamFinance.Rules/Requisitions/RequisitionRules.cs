using StreamFinance.Contracts;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Budgets;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Rules.Procurement;
using static StreamFinance.Rules.Checks.AmountText;

namespace StreamFinance.Rules.Requisitions;

/// <summary>
/// The requisition rules, the one place they are evaluated (<c>POST /v1/validate/requisition</c>): a purchase requisition against the master data in force on its date. Reports every
/// violation, in this precedence order: the cost center (UNKNOWN_COST_CENTER or INACTIVE_COST_CENTER, then
/// COST_CENTER_ENTITY_MISMATCH when an ordering entity is given), the supplier (UNKNOWN_SUPPLIER, SUPPLIER_BLOCKED or SUPPLIER_RISK_HOLD, see <see cref="CommonChecks.Supplier"/>),
/// the legal entity (UNKNOWN_LEGAL_ENTITY), the period (CLOSED_PERIOD: no open period contains the date), then the
/// budget: BUDGET_EXCEEDED when there is none, else FX_RATE_MISSING when the amount cannot be converted into its
/// currency, else BUDGET_EXCEEDED when the converted amount does not fit in what is available: with the procurement
/// topology's balances, budget - open commitments - actuals (<see cref="BudgetPosition"/>, the position its budget rule
/// decides purchase orders on; <see cref="BudgetBasis.BudgetLessCommitmentsAndActuals"/>), without them the budgeted
/// amount alone (<see cref="BudgetBasis.BudgetedAmountWithoutCommitments"/>). Converted amounts
/// are rounded half away from zero: there is no procurement rounding setting yet. Pure: reads only through the reader.
/// </summary>
public sealed class RequisitionRules(FxFallbackPolicy fxFallback)
{
    /// <summary>Rounding of the amount converted into the budget's currency: commercial, until procurement has a setting of its own.</summary>
    public const MidpointRounding Rounding = MidpointRounding.AwayFromZero;

    /// <summary>Judges <paramref name="request"/> over <paramref name="reader"/>, deducting what <paramref name="balances"/> says is drawn on the budget key (nothing when null).</summary>
    /// <exception cref="StoreUnavailableException"><paramref name="balances"/> cannot be read now.</exception>
    public RequisitionAssessment Evaluate(RequisitionInput request, MasterDataReader reader, IBudgetBalances? balances = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reader);
        var violations = new List<Violation>();
        var date = request.Date;

        var center = CommonChecks.CostCenter(reader, request.CostCenterId, date, "costCenterId", violations);
        if (center is not null && request.LegalEntityId is { } requested)
            CommonChecks.CostCenterEntity(center, requested, "costCenterId", violations);
        CommonChecks.Supplier(reader, request.SupplierId, null, date, "supplierId", violations);

        var entityId = request.LegalEntityId ?? center?.legalEntityId;
        if (entityId is null)
            return new RequisitionAssessment(violations, null);
        var entityField = request.LegalEntityId is null ? "costCenterId" : "legalEntityId";
        if (CommonChecks.LegalEntity(reader, entityId, date, entityField, violations) is null)
            return new RequisitionAssessment(violations, null);
        return new RequisitionAssessment(violations, CheckBudget(reader, balances, request, entityId, date, violations));
    }

    private BudgetCheck? CheckBudget(MasterDataReader reader, IBudgetBalances? balances, RequisitionInput request, string entityId, DateOnly date, List<Violation> violations)
    {
        if (CommonChecks.OpenPeriod(reader, entityId, date, "date", "so there is no period budget to draw on", violations) is not { } periodValue)
            return null;

        var budgetId = LookupKeys.Budget(request.CostCenterId, periodValue.periodId);
        var budget = reader.AsOf<Budget>(MasterDataObjectTypes.Budget, budgetId, date);
        if (!budget.IsFound)
        {
            violations.Add(new Violation(ReasonCode.BudgetExceeded, "amount", Money(request.Amount, request.Currency),
                $"cost center {request.CostCenterId} has no budget for period {periodValue.periodId} ({budget.Absence}), so nothing can be committed"));
            return null;
        }
        var budgeted = budget.Value!.amount;
        var budgetAmount = AvroDecimals.ToDecimal(budgeted.amount);
        var conversion = CommonChecks.Convert(reader, fxFallback, request.Amount, request.Currency, budgeted.currency, date, violations, Rounding, "currency");
        if (conversion is null)
            return null;

        var drawn = balances?.Of(budgetId) ?? BudgetBalance.None;
        var position = new BudgetPosition(budgetId, budgetAmount, drawn.Committed, drawn.Actual, budgeted.currency);
        var basis = balances is null ? BudgetBasis.BudgetedAmountWithoutCommitments : BudgetBasis.BudgetLessCommitmentsAndActuals;
        var check = new BudgetCheck(budgetId, periodValue.periodId, budgetAmount, budgeted.currency, conversion.ConvertedAmount,
            position.Available - conversion.ConvertedAmount, basis, position.Committed, position.Actual);
        if (!position.Covers(conversion.ConvertedAmount))
        {
            var converted = request.Currency == budgeted.currency
                ? Money(request.Amount, request.Currency)
                : $"{Money(request.Amount, request.Currency)} ({Money(conversion.ConvertedAmount, budgeted.currency)} at {Rate(conversion.Rate)}, rate of {Day(conversion.RateDate)})";
            var measured = balances is null
                ? $"the budget of {Money(budgetAmount, budgeted.currency)} of cost center {request.CostCenterId} for period {periodValue.periodId} (open commitments and actuals are not deducted: this process does not run the procurement topology)"
                : $"the {Money(Math.Max(0m, position.Available), budgeted.currency)} available on {budgetId} (budget {Money(budgetAmount, budgeted.currency)}, " +
                  $"committed {Money(position.Committed, budgeted.currency)}, actual {Money(position.Actual, budgeted.currency)})";
            violations.Add(new Violation(ReasonCode.BudgetExceeded, "amount", Money(request.Amount, request.Currency), $"{converted} exceeds {measured}"));
        }
        return check;
    }
}
