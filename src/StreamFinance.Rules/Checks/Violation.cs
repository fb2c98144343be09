using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Rules.Checks;

/// <summary>
/// One rule a document breaks, as the expense pipeline dead-letters it (the dead letter's <c>violations</c>, the first
/// its <c>reasonCode</c>) and the validation API answers it: code, field, value and message.
/// </summary>
/// <param name="Reason">The stable reason code, with the team that must act on it: the dead-letter registry <see cref="ReasonCode"/>, the only one.</param>
/// <param name="Field">The input field it is about, in the caller's own spelling (<see cref="Expenses.ExpenseFields"/>), e.g. <c>costCenterId</c>.</param>
/// <param name="Value">
/// The value the rule judged, as text: the field's value (<c>CC-1042</c>, <c>2026-04-10</c>, <c>false</c>), or the value
/// taken for it when the document leaves the field to a default (the employee's default cost center, the entity's
/// default tax code), or the amount in the functional currency a policy rule measured (<c>212.40 USD</c>). Null when
/// there is none to name (no tax code at all).
/// </param>
/// <param name="Message">What is wrong, for people, e.g. "cost center CC-1042 is inactive since 2026-03-31". It names no field, so both callers quote it alike.</param>
public sealed record Violation(ReasonCode Reason, string Field, string? Value, string Message)
{
    /// <summary>The code as written to a dead letter and to the API's answer, e.g. <c>INACTIVE_COST_CENTER</c>.</summary>
    public string Code => Reason.Code;

    /// <summary>
    /// The master data whose absence is the whole violation, when that master data is not known yet and may still
    /// arrive, in the form of an <c>md.history</c> key: <c>EMPLOYEE:E-US-9</c> (an object never seen: unknown employee,
    /// legal entity, cost center, project or tax code), <c>EXCHANGE_RATE:EUR/USD/2026-04-10</c> (no rate within the
    /// fallback), <c>ACCOUNTING_PERIOD:US01-2026-04</c> (no period of the entity contains the date). Null (default)
    /// when master data is known and says no: an inactive cost center, a closed period or project, a wrong jurisdiction,
    /// a policy rule. Not part of the validation API's answer.
    /// </summary>
    public string? Awaits { get; init; }
}
