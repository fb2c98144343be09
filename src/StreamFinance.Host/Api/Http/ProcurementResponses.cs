namespace StreamFinance.Host.Api.Http;

/// <summary>Answer of <c>GET /v1/budgets/{costCenterOrProject}</c>: where one budget key stands; amounts are exact decimal strings in the budget's currency.</summary>
/// <param name="BudgetKey">The key, <c>&lt;costCenterId or projectId&gt;/&lt;periodId&gt;</c>.</param>
/// <param name="CostCenterOrProject">The cost center or project asked for.</param>
/// <param name="PeriodId">The accounting period.</param>
/// <param name="AsOf">The date whose budget version was taken.</param>
/// <param name="Currency">The budget's currency.</param>
/// <param name="Budget">The budgeted amount in force on <paramref name="AsOf"/>.</param>
/// <param name="Committed">Open commitments the procurement topology holds on the key.</param>
/// <param name="Actual">Actuals posted on the key (expense journal lines).</param>
/// <param name="Available"><paramref name="Budget"/> - <paramref name="Committed"/> - <paramref name="Actual"/>, what a purchase order can still reserve.</param>
/// <param name="BudgetBasis">What <paramref name="Available"/> deducts: always <c>BUDGET_LESS_OPEN_COMMITMENTS_AND_ACTUALS</c>.</param>
public sealed record BudgetPositionResponse(
    string BudgetKey,
    string CostCenterOrProject,
    string PeriodId,
    DateOnly AsOf,
    string Currency,
    [property: StringFormat(StringFormatAttribute.Decimal)] string Budget,
    [property: StringFormat(StringFormatAttribute.Decimal)] string Committed,
    [property: StringFormat(StringFormatAttribute.Decimal)] string Actual,
    [property: StringFormat(StringFormatAttribute.Decimal)] string Available,
    string BudgetBasis);

/// <summary>Answer of <c>GET /v1/purchase-orders/{poNumber}</c>: where a purchase order stands in the procurement topology.</summary>
/// <param name="PoNumber">The PO number.</param>
/// <param name="Status">DRAFT, COMMITTED, HELD, CANCELLED or CLOSED.</param>
/// <param name="Revision">The latest revision decided.</param>
/// <param name="CommittedRevision">The revision committed (while a higher one is held, the committed one stays); null when none was.</param>
/// <param name="Commitment">The commitment written last; null when none was.</param>
/// <param name="Hold">Why it is held; null unless <paramref name="Status"/> is HELD.</param>
public sealed record PurchaseOrderStatusResponse(
    string PoNumber, string Status, int Revision, int? CommittedRevision, CommitmentSummaryResponse? Commitment, HoldResponse? Hold);

/// <summary>The last commitment of a purchase order.</summary>
/// <param name="CommitmentId">Deterministic id (<c>{poNumber}/R{revision}</c>, with <c>/REVERSE</c> or <c>/CLOSE</c> for a release).</param>
/// <param name="Kind">COMMIT, ADJUST, REVERSE or CLOSE.</param>
/// <param name="ReconciliationId">Reconciliation id the ERP confirms against.</param>
/// <param name="FunctionalTotal">What the order holds committed after it, in the functional currency.</param>
/// <param name="Currency">The functional currency.</param>
public sealed record CommitmentSummaryResponse(
    string CommitmentId, string Kind, string? ReconciliationId, [property: StringFormat(StringFormatAttribute.Decimal)] string? FunctionalTotal, string? Currency);

/// <summary>Why a purchase order is held, as of its latest evaluation.</summary>
/// <param name="ReasonCode">The first reason's code, e.g. BUDGET_EXCEEDED.</param>
/// <param name="Message">The first reason, for people.</param>
/// <param name="HeldSince">When it was first held, UTC.</param>
/// <param name="Reasons">Every reason, first one deciding.</param>
public sealed record HoldResponse(string ReasonCode, string Message, DateTime HeldSince, IReadOnlyList<HoldReasonResponse> Reasons);

/// <summary>One reason a purchase order is held.</summary>
/// <param name="Code">Stable reason code.</param>
/// <param name="Field">The order field it is about.</param>
/// <param name="Message">What is wrong, for people.</param>
public sealed record HoldReasonResponse(string Code, string Field, string Message);
