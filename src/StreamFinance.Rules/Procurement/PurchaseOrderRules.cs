using StreamFinance.Contracts;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using static StreamFinance.Rules.Checks.AmountText;

namespace StreamFinance.Rules.Procurement;

/// <summary>
/// The purchase order rules, the one place they are evaluated (the procurement topology, on arrival and whenever a
/// held order is looked at again): an approved order against the master data in force on its date
/// (<see cref="DateOf"/>). Every violation is reported, in this precedence order:
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>The requester: the order's <c>requesterId</c>, else the employee whose cross-references list the order's
/// <c>buyerId</c> for its source system (<see cref="MasterDataReader.EmployeeByReference"/>, as an X12 850 names its buyer);
/// MISSING_REQUESTER when neither gives one (the message names the buyer looked up), else UNKNOWN_EMPLOYEE.</item>
/// <item>The approver (the requester's <c>approverEmployeeId</c>, the requester when at the top): UNKNOWN_EMPLOYEE, else
/// APPROVAL_LIMIT_EXCEEDED when the approver has no <c>approvalLimit</c> or the order total, converted into the limit's
/// currency at the order date, exceeds it (FX_RATE_MISSING when it cannot be converted).</item>
/// <item>UNKNOWN_LEGAL_ENTITY.</item>
/// <item>Per line, in line order: the cost center (the line's, else the order's: UNKNOWN_COST_CENTER, INACTIVE_COST_CENTER,
/// COST_CENTER_ENTITY_MISMATCH against the ordering entity), the project (UNKNOWN_PROJECT, CLOSED_PROJECT), the GL account
/// (the line's <c>glAccountId</c>, else the GL account of its <c>itemCategory</c> for the ordering entity,
/// <see cref="LookupKeys.ItemCategory"/>; MISSING_GL_ACCOUNT when neither gives one, naming the category looked up;
/// UNKNOWN_GL_ACCOUNT).</item>
/// <item>The supplier (<see cref="CommonChecks.Supplier"/>: by golden id or the source system's cross-reference;
/// UNKNOWN_SUPPLIER, SUPPLIER_BLOCKED, SUPPLIER_RISK_HOLD).</item>
/// <item>CLOSED_PERIOD: no open period of the entity contains the date.</item>
/// <item>Per budget key (the line's project, else its cost center, with the period): BUDGET_EXCEEDED when no budget is
/// in force, FX_RATE_MISSING when a line cannot be converted into the functional or the budget currency.</item>
/// </list>
/// <para>Conversions use the master-data FX fallback (<see cref="FxFallbackPolicy"/>, the same as the expense rules) and
/// round to the target's minor unit with <see cref="Rounding"/>. Values taken from master data are reported in
/// <see cref="PurchaseOrderAssessment.Enrichments"/> and used in the committable lines; the order itself is not changed. Whether each key's budget has room is the
/// <see cref="BudgetRule"/>'s decision, made by the task that owns the keys. Pure: reads only through the reader.</para>
/// </remarks>
public sealed class PurchaseOrderRules(FxFallbackPolicy fxFallback)
{
    /// <summary>Rounding of converted amounts: commercial, the same as requisitions (<see cref="Requisitions.RequisitionRules.Rounding"/>).</summary>
    public const MidpointRounding Rounding = Requisitions.RequisitionRules.Rounding;

    /// <summary>The date an order is judged on: its <c>poDate</c>, else its approval date, else its event time (UTC).</summary>
    public static DateOnly DateOf(PurchaseOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return DateOnly.FromDateTime(order.poDate ?? order.approvedAt?.ToUniversalTime() ?? order.envelope.eventTime.ToUniversalTime());
    }

    /// <summary>Judges <paramref name="order"/> over <paramref name="reader"/>.</summary>
    public PurchaseOrderAssessment Evaluate(PurchaseOrder order, MasterDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(reader);
        var violations = new List<Violation>();
        var enrichments = new List<Enrichment>();
        var date = DateOf(order);
        var total = AvroDecimals.ToDecimal(order.total.amount);
        var currency = order.total.currency;

        var requesterId = OrderEnrichment.Requester(order, reader, date, violations, enrichments);
        if (requesterId is not null)
            CheckApprover(order, requesterId, reader, date, total, currency, violations);
        var entity = CommonChecks.LegalEntity(reader, order.legalEntityId, date, "legalEntityId", violations);
        var coded = CheckLines(order, reader, date, violations, enrichments);
        CommonChecks.Supplier(reader, order.supplierId, order.envelope.sourceSystem, date, "supplierId", violations);
        if (entity is null)
            return new PurchaseOrderAssessment { Violations = violations, Date = date, Enrichments = enrichments };
        var period = CommonChecks.OpenPeriod(reader, entity.legalEntityId, date, "poDate", "so there is no period budget to commit to", violations);
        if (period is null || coded is null)
            return new PurchaseOrderAssessment { Violations = violations, Date = date, FunctionalCurrency = entity.functionalCurrency, PeriodId = period?.periodId, Enrichments = enrichments };

        var lines = new List<CommittableLine>();
        var requirements = new SortedDictionary<string, BudgetRequirement>(StringComparer.Ordinal);
        foreach (var (line, center, project, gl, field) in coded)
        {
            var key = LookupKeys.Budget(project ?? center, period.periodId);
            var amount = AvroDecimals.ToDecimal(line.lineAmount.amount);
            var functional = CommonChecks.Convert(reader, fxFallback, amount, line.lineAmount.currency, entity.functionalCurrency, date, violations, Rounding, $"lines[{line.lineNumber}].lineAmount");
            if (!requirements.TryGetValue(key, out var requirement))
            {
                var budget = reader.AsOf<Budget>(MasterDataObjectTypes.Budget, key, date);
                if (!budget.IsFound)
                {
                    violations.Add(new Violation(ReasonCode.BudgetExceeded, field, project ?? center,
                        $"{(project is null ? "cost center" : "project")} {project ?? center} has no budget for period {period.periodId} ({budget.Absence}), so nothing can be committed on {key}"));
                    requirements[key] = new BudgetRequirement(key, 0m, entity.functionalCurrency, 0m, field);
                    continue;
                }
                requirement = new BudgetRequirement(key, AvroDecimals.ToDecimal(budget.Value!.amount.amount), budget.Value.amount.currency, 0m, field);
            }
            var inBudget = requirement.Currency == entity.functionalCurrency && functional is not null
                ? functional
                : CommonChecks.Convert(reader, fxFallback, amount, line.lineAmount.currency, requirement.Currency, date, violations, Rounding, $"lines[{line.lineNumber}].lineAmount");
            requirements[key] = requirement with { Amount = requirement.Amount + (inBudget?.ConvertedAmount ?? 0m) };
            if (functional is not null && inBudget is not null)
                lines.Add(new CommittableLine(line.lineNumber, center, project, gl, key, amount, functional.ConvertedAmount, inBudget.ConvertedAmount));
        }
        var committable = violations.Count == 0;
        return new PurchaseOrderAssessment
        {
            Violations = violations,
            Date = date,
            FunctionalCurrency = entity.functionalCurrency,
            PeriodId = period.periodId,
            Lines = committable ? lines : [],
            Requirements = committable ? [.. requirements.Values] : [],
            Enrichments = enrichments,
        };
    }

    private void CheckApprover(PurchaseOrder order, string requesterId, MasterDataReader reader, DateOnly date, decimal total, string currency, List<Violation> violations)
    {
        var requester = reader.AsOf<Employee>(MasterDataObjectTypes.Employee, requesterId, date);
        if (!requester.IsFound)
        {
            violations.Add(new Violation(ReasonCode.UnknownEmployee, "requesterId", requesterId, requester.Absence!)
            {
                Awaits = CommonChecks.AwaitedObject(requester, MasterDataObjectTypes.Employee, requesterId),
            });
            return;
        }
        var approverId = requester.Value!.approverEmployeeId ?? requesterId;
        var approver = approverId == requesterId ? requester : reader.AsOf<Employee>(MasterDataObjectTypes.Employee, approverId, date);
        if (!approver.IsFound)
        {
            violations.Add(new Violation(ReasonCode.UnknownEmployee, "approver", approverId, $"approver of {requesterId}: {approver.Absence}")
            {
                Awaits = CommonChecks.AwaitedObject(approver, MasterDataObjectTypes.Employee, approverId),
            });
            return;
        }
        if (approver.Value!.approvalLimit is not { } limit)
        {
            violations.Add(new Violation(ReasonCode.ApprovalLimitExceeded, "approver", approverId,
                $"approver {approverId} of requester {requesterId} has no approval limit, so cannot approve {Grouped(total, currency)}"));
            return;
        }
        var limitAmount = AvroDecimals.ToDecimal(limit.amount);
        var measured = limit.currency == currency
            ? total
            : CommonChecks.Convert(reader, fxFallback, total, currency, limit.currency, date, violations, Rounding, "total")?.ConvertedAmount;
        if (measured is { } inLimitCurrency && inLimitCurrency > limitAmount)
            violations.Add(new Violation(ReasonCode.ApprovalLimitExceeded, "total", Money(total, currency),
                $"PO {order.poNumber} totals {Grouped(inLimitCurrency, limit.currency)}; approver {approverId} of requester {requesterId} may approve up to {Grouped(limitAmount, limit.currency)}"));
    }

    /// <summary>The lines' coding checked in line order; null when any line cannot be committed as coded.</summary>
    private static List<(PurchaseOrderLine Line, string Center, string? Project, string Gl, string Field)>? CheckLines(
        PurchaseOrder order, MasterDataReader reader, DateOnly date, List<Violation> violations, List<Enrichment> enrichments)
    {
        var coded = new List<(PurchaseOrderLine, string, string?, string, string)>();
        var before = violations.Count;
        foreach (var line in order.lines)
        {
            var prefix = $"lines[{line.lineNumber}]";
            var centerId = line.costCenterId ?? order.costCenterId;
            var centerField = line.costCenterId is null ? "costCenterId" : $"{prefix}.costCenterId";
            if (CommonChecks.CostCenter(reader, centerId, date, centerField, violations) is { } center)
                CommonChecks.CostCenterEntity(center, order.legalEntityId, centerField, violations);
            var projectId = line.projectId ?? order.projectId;
            var projectField = line.projectId is null ? "projectId" : $"{prefix}.projectId";
            if (projectId is not null)
                CommonChecks.Project(reader, projectId, date, projectField, violations);
            var glAccountId = OrderEnrichment.GlAccount(order, line, reader, date, violations, enrichments);
            if (glAccountId is not null)
                CommonChecks.GlAccount(reader, glAccountId, date, $"{prefix}.glAccountId", violations);
            coded.Add((line, centerId, projectId, glAccountId ?? "", projectId is null ? centerField : projectField));
        }
        return violations.Count == before ? coded : null;
    }
}
