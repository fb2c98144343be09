using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Budgets;
using StreamFinance.Domain.Procurement;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Procurement;

namespace StreamFinance.Topologies.Procurement;

/// <summary>
/// The records the procurement topology writes about an order: its commitment (with both currencies per line and the
/// deterministic ids of <see cref="CommitmentIds"/>), the reversal or close of the last one, its hold and its status.
/// Everything but <c>envelope.ingestTime</c> (now) follows from the order and the decision.
/// </summary>
public static class ProcurementRecords
{
    /// <summary>Source system written on every procurement output.</summary>
    public const string SourceSystem = "streamfinance-procurement";

    /// <summary>
    /// The commitment of <paramref name="order"/>'s revision: COMMIT when nothing was committed before, else ADJUST
    /// replacing <paramref name="previous"/>, with the change of the functional total against it.
    /// </summary>
    public static Commitment Commitment(PurchaseOrder order, PurchaseOrderAssessment assessment, Commitment? previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(assessment);
        var id = CommitmentIds.For(order.poNumber, order.revision);
        var functional = assessment.FunctionalCurrency!;
        var total = assessment.Lines.Sum(l => l.FunctionalAmount);
        var before = previous?.functionalTotal?.ToDecimal() ?? 0m;
        var lines = order.lines.ToDictionary(l => l.lineNumber);
        return new Commitment
        {
            envelope = Envelope(order, id, now),
            commitmentId = id,
            poNumber = order.poNumber,
            legalEntityId = order.legalEntityId,
            supplierId = order.supplierId,
            costCenterId = order.costCenterId,
            projectId = order.projectId,
            periodId = assessment.PeriodId!,
            lines = [.. order.lines.Select(l => Coded(l, assessment))],
            total = order.total,
            approvedAt = order.approvedAt ?? order.envelope.eventTime,
            revision = order.revision,
            kind = previous is null ? CommitmentKind.COMMIT : CommitmentKind.ADJUST,
            previousCommitmentId = previous?.commitmentId,
            reconciliationId = CommitmentIds.Reconciliation(id),
            functionalTotal = total.ToMoney(functional),
            functionalChange = (total - before).ToMoney(functional),
            commitmentLines = [.. assessment.Lines.Select(l => Line(order.poNumber, lines[l.LineNumber], l, order.total.currency, functional))],
        };
    }

    /// <summary>
    /// The order line as committed: its own GL account, else the one the rules took from its item category (an X12 850 line
    /// carries none); the order's line itself is not changed.
    /// </summary>
    private static PurchaseOrderLine Coded(PurchaseOrderLine line, PurchaseOrderAssessment assessment)
    {
        if (line.glAccountId is not null || assessment.Lines.FirstOrDefault(c => c.LineNumber == line.lineNumber) is not { } committed)
            return line;
        return new PurchaseOrderLine
        {
            lineNumber = line.lineNumber, item = line.item, quantity = line.quantity, unitPrice = line.unitPrice, lineAmount = line.lineAmount,
            glAccountId = committed.GlAccountId, lineType = line.lineType, costCenterId = line.costCenterId, projectId = line.projectId,
            accountString = line.accountString, itemCategory = line.itemCategory,
        };
    }

    /// <summary>The reversal (cancellation) or close of <paramref name="last"/>, made by <paramref name="order"/>: every line to zero, the whole functional total released.</summary>
    public static Commitment Release(Commitment last, PurchaseOrder order, CommitmentKind kind, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(last);
        ArgumentNullException.ThrowIfNull(order);
        var id = CommitmentIds.For(last.poNumber, last.revision, kind.ToString());
        var functional = last.functionalTotal!.currency;
        return new Commitment
        {
            envelope = Envelope(order, id, now),
            commitmentId = id,
            poNumber = last.poNumber,
            legalEntityId = last.legalEntityId,
            supplierId = last.supplierId,
            costCenterId = last.costCenterId,
            projectId = last.projectId,
            periodId = last.periodId,
            lines = [.. last.lines],
            total = last.total,
            approvedAt = last.approvedAt,
            revision = last.revision,
            kind = kind,
            previousCommitmentId = last.commitmentId,
            reconciliationId = CommitmentIds.Reconciliation(id),
            functionalTotal = 0m.ToMoney(functional),
            functionalChange = (-last.functionalTotal.ToDecimal()).ToMoney(functional),
            commitmentLines = [.. last.commitmentLines.Select(l => new CommitmentLine
            {
                poLineId = l.poLineId, lineNumber = l.lineNumber, lineType = l.lineType, quantity = l.quantity, unitPrice = l.unitPrice,
                amount = 0m.ToMoney(l.amount.currency), functionalAmount = 0m.ToMoney(l.functionalAmount.currency),
                budgetKey = l.budgetKey, costCenterId = l.costCenterId, projectId = l.projectId, glAccountId = l.glAccountId,
            })],
        };
    }

    /// <summary>
    /// The hold of <paramref name="order"/> for <paramref name="violations"/> (the first decides the reason code, the
    /// owner and the message); with the budget figures when the first is BUDGET_EXCEEDED.
    /// </summary>
    public static PurchaseOrderHold Hold(PurchaseOrder order, IReadOnlyList<Violation> violations, BudgetRequirement? need, BudgetPosition? position, DateTimeOffset heldAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(violations);
        var first = violations[0];
        var budgetFirst = first.Reason == ReasonCode.BudgetExceeded && need is not null && position is not null;
        return new PurchaseOrderHold
        {
            envelope = Envelope(order, $"{order.poNumber}/R{order.revision}/HOLD", now),
            poNumber = order.poNumber,
            legalEntityId = order.legalEntityId,
            supplierId = order.supplierId,
            costCenterId = order.costCenterId,
            reasonCode = first.Code,
            ownerRole = first.Reason.Owner,
            message = violations.Count == 1 ? first.Message : $"{first.Message} (and {string.Join("; ", violations.Skip(1).Select(v => $"{v.Code}: {v.Message}"))})",
            orderTotal = order.total,
            budgetRemaining = budgetFirst ? Math.Max(0m, position!.Available).ToMoney(position.Currency) : null,
            heldAt = heldAt.UtcDateTime,
            revision = order.revision,
            field = first.Field,
            value = first.Value,
            budgetKey = budgetFirst ? need!.BudgetKey : null,
            budgetRequired = budgetFirst ? need!.Amount.ToMoney(need.Currency) : null,
            violations = [.. violations.Select(v => new PurchaseOrderHoldReason { code = v.Code, field = v.Field, value = v.Value, message = v.Message })],
        };
    }

    /// <summary>The status of <paramref name="order"/> after a decision.</summary>
    public static StatusUpdate Status(PurchaseOrder order, BusinessStatus status, string detail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new StatusUpdate
        {
            envelope = Envelope(order, $"{order.poNumber}/R{order.revision}/{status}", now),
            businessId = order.poNumber,
            objectType = BusinessObjectType.PURCHASE_ORDER,
            status = status,
            detail = detail,
            erpDocumentNumber = null,
        };
    }

    private static CommitmentLine Line(string poNumber, PurchaseOrderLine line, CommittableLine committed, string currency, string functional) => new()
    {
        poLineId = $"{poNumber}/{line.lineNumber}",
        lineNumber = line.lineNumber,
        lineType = line.lineType,
        quantity = line.quantity,
        unitPrice = line.unitPrice,
        amount = committed.Amount.ToMoney(currency),
        functionalAmount = committed.FunctionalAmount.ToMoney(functional),
        budgetKey = committed.BudgetKey,
        costCenterId = committed.CostCenterId,
        projectId = committed.ProjectId,
        glAccountId = committed.GlAccountId,
    };

    private static Envelope Envelope(PurchaseOrder order, string id, DateTimeOffset now) => new()
    {
        eventId = DeterministicUuid.From(id),
        correlationId = order.envelope.correlationId,
        sourceSystem = SourceSystem,
        sourceId = order.poNumber,
        eventTime = order.envelope.eventTime,
        ingestTime = now.UtcDateTime,
        idempotencyKey = id,
        mappingProfile = null,
    };
}
