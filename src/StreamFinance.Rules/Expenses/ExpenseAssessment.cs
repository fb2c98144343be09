using StreamFinance.Contracts.MasterData;
using StreamFinance.Rules.Checks;

namespace StreamFinance.Rules.Expenses;

/// <summary>
/// What <see cref="ExpenseRules"/> made of one <see cref="ExpenseInput"/>: every violation in precedence order, whether
/// the line only waits for master data, and the coding and amounts it resolved (the pipeline posts them, the API quotes them).
/// </summary>
public sealed class ExpenseAssessment
{
    /// <summary>Every rule broken, in the precedence order of <see cref="ExpenseRules"/>; empty when valid. The first decides the dead-letter queue.</summary>
    public required IReadOnlyList<Violation> Violations { get; init; }

    /// <summary>Whether no rule is broken: the pipeline approves, the API answers <c>valid</c>.</summary>
    public bool Valid => Violations.Count == 0;

    /// <summary>
    /// True when the line fails only because master data has not arrived yet: every violation has
    /// <see cref="Violation.Awaits"/>. The expense pipeline holds such a line and evaluates it again when master data
    /// changes; a line with any violation of known master data (or of the policy) is dead-lettered at once.
    /// </summary>
    public bool AwaitsMasterData
    {
        get
        {
            for (var i = 0; i < Violations.Count; i++)
            {
                if (Violations[i].Awaits is null)
                    return false;
            }
            return Violations.Count > 0;
        }
    }

    /// <summary>The legal entity that books the expense, per <c>Expenses:BookingEntity</c> (by default the cost center's); null when not known yet.</summary>
    public string? LegalEntityId { get; init; }

    /// <summary>The cost center charged (coded, else the employee's default).</summary>
    public string? CostCenterId { get; init; }

    /// <summary>The GL account (the line's override, else the category's); null when not resolved or no category was given.</summary>
    public string? GlAccountId { get; init; }

    /// <summary>The tax code applied (coded, else the entity's default); null when there is none.</summary>
    public string? TaxCodeId { get; init; }

    /// <summary>The tax code in force on the date; null when unknown.</summary>
    public TaxCode? TaxCode { get; init; }

    /// <summary>The amount in the booking entity's functional currency, rounded with <c>Expenses:Rounding</c>; null when it could not be converted.</summary>
    public CurrencyConversion? Functional { get; init; }

    /// <summary>The employee's own legal entity when it is not the booking entity (intercompany); else null.</summary>
    public string? EmployeeEntityId { get; init; }

    /// <summary>The amount in the employee's entity's functional currency, for an intercompany line; else null.</summary>
    public CurrencyConversion? EmployeeEntityAmount { get; init; }

    /// <summary>The accounting period the expense posts into (rolled forward when its own is closed and the policy allows); null when there is none.</summary>
    public AccountingPeriod? PostingPeriod { get; init; }
}
