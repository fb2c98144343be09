using StreamFinance.Rules.Lookups;

namespace StreamFinance.Rules.Checks;

/// <summary>One rule a request breaks.</summary>
/// <param name="Code">Stable reason code from <see cref="ViolationCodes"/>.</param>
/// <param name="Field">The request field it is about, in the request's JSON spelling (<c>costCenterId</c>).</param>
/// <param name="Message">What is wrong, for people, e.g. "cost center CC-1042 is inactive since 2026-03-31".</param>
public sealed record Violation(string Code, string Field, string Message)
{
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
