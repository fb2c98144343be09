using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
namespace StreamFinance.Host.Api.Http;

/// <summary>A violation in a validation response.</summary>
/// <param name="Code">Stable reason code, e.g. <c>INACTIVE_COST_CENTER</c>.</param>
/// <param name="Field">The request field it is about.</param>
/// <param name="Value">The value the rule judged, as text: the field's value, or the one taken for it when the request left it to a default, or the functional amount a policy rule measured; null when there is none to name.</param>
/// <param name="Message">What is wrong, for people.</param>
public sealed record ViolationResponse(string Code, string Field, string? Value, string Message);

/// <summary>A currency conversion in a validation response; amounts and rate are exact decimal strings.</summary>
public sealed record ConversionResponse(
    [property: StringFormat(StringFormatAttribute.Decimal)] string Amount,
    string Currency,
    [property: StringFormat(StringFormatAttribute.Decimal)] string ConvertedAmount,
    string ConvertedCurrency,
    [property: StringFormat(StringFormatAttribute.Decimal)] string Rate,
    DateOnly RateDate,
    int FellBackDays,
    bool Inverse);

/// <summary>The budget a requisition was measured against; amounts are exact decimal strings in the budget's currency.</summary>
/// <param name="BudgetId">The budget key.</param>
/// <param name="PeriodId">The accounting period.</param>
/// <param name="BudgetAmount">The budgeted amount.</param>
/// <param name="Currency">The budget's currency.</param>
/// <param name="Requested">The requisition converted into <paramref name="Currency"/>.</param>
/// <param name="Committed">Open commitments deducted (0 unless <paramref name="BudgetBasis"/> deducts them).</param>
/// <param name="Actual">Actuals deducted (0 unless <paramref name="BudgetBasis"/> deducts them).</param>
/// <param name="Available">What was available before the requisition.</param>
/// <param name="RemainingAfter"><paramref name="Available"/> - <paramref name="Requested"/>; negative when exceeded.</param>
/// <param name="BudgetBasis"><c>BUDGET_LESS_OPEN_COMMITMENTS_AND_ACTUALS</c>, or <c>BUDGETED_AMOUNT_WITHOUT_COMMITMENTS</c> when the process does not run the procurement topology.</param>
/// <param name="Note">What <paramref name="BudgetBasis"/> means, for people.</param>
public sealed record BudgetResponse(
    string BudgetId,
    string PeriodId,
    [property: StringFormat(StringFormatAttribute.Decimal)] string BudgetAmount,
    string Currency,
    [property: StringFormat(StringFormatAttribute.Decimal)] string Requested,
    [property: StringFormat(StringFormatAttribute.Decimal)] string Committed,
    [property: StringFormat(StringFormatAttribute.Decimal)] string Actual,
    [property: StringFormat(StringFormatAttribute.Decimal)] string Available,
    [property: StringFormat(StringFormatAttribute.Decimal)] string RemainingAfter,
    string BudgetBasis,
    string Note);

/// <summary>Answer of <c>POST /v1/validate/expense-coding</c> (always 200 once the request is well-formed).</summary>
/// <param name="Valid">True when no rule is broken.</param>
/// <param name="AsOf">The date whose master data was used.</param>
/// <param name="Violations">Every rule broken; empty when valid.</param>
/// <param name="FunctionalAmount">The amount in the entity's functional currency, when it could be converted.</param>
public sealed record ExpenseCodingResponse(bool Valid, DateOnly AsOf, IReadOnlyList<ViolationResponse> Violations, ConversionResponse? FunctionalAmount);

/// <summary>Answer of <c>POST /v1/validate/requisition</c> (always 200 once the request is well-formed).</summary>
/// <param name="Valid">True when no rule is broken.</param>
/// <param name="AsOf">The date whose master data and accounting period were used.</param>
/// <param name="Violations">Every rule broken; empty when valid.</param>
/// <param name="Budget">The budget measured against, when found.</param>
public sealed record RequisitionResponse(bool Valid, DateOnly AsOf, IReadOnlyList<ViolationResponse> Violations, BudgetResponse? Budget);

/// <summary>Answer of <c>GET /v1/fx-rates/{from}/{to}</c>.</summary>
/// <param name="From">Source currency.</param>
/// <param name="To">Target currency.</param>
/// <param name="Date">The date asked for.</param>
/// <param name="Rate">Units of <paramref name="To"/> per unit of <paramref name="From"/>, exact decimal string.</param>
/// <param name="RateDate">Date of the rate used (earlier than <paramref name="Date"/> after a fallback).</param>
/// <param name="FellBackDays">Calendar days between <paramref name="Date"/> and <paramref name="RateDate"/>.</param>
/// <param name="Inverse">Whether the rate is the inverse of the opposite pair's rate.</param>
public sealed record FxRateResponse(
    string From, string To, DateOnly Date, [property: StringFormat(StringFormatAttribute.Decimal)] string Rate, DateOnly RateDate, int FellBackDays, bool Inverse);
