using StreamFinance.Rules.Checks;

namespace StreamFinance.Rules.Procurement;

/// <summary>
/// What the purchase order rules make of one order over the master data in force on its date: every violation, in
/// precedence order, and, when the master data allows, the lines as they would be committed and what each budget key
/// needs. Budget availability is decided by the caller that owns the keys (<see cref="BudgetRule"/>).
/// </summary>
public sealed record PurchaseOrderAssessment
{
    /// <summary>Every rule the order breaks, in precedence order; empty when it may be committed if the budget allows.</summary>
    public required IReadOnlyList<Violation> Violations { get; init; }

    /// <summary>The date master data, rates and the period are read as of.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The ordering entity's functional currency; null when the entity is unknown.</summary>
    public string? FunctionalCurrency { get; init; }

    /// <summary>The accounting period containing <see cref="Date"/>; null when there is none.</summary>
    public string? PeriodId { get; init; }

    /// <summary>The lines as they would be committed; empty when a line cannot be (unknown coding, no rate, no budget).</summary>
    public IReadOnlyList<CommittableLine> Lines { get; init; } = [];

    /// <summary>What the order needs per budget key, in key order; empty when <see cref="Lines"/> is.</summary>
    public IReadOnlyList<BudgetRequirement> Requirements { get; init; } = [];

    /// <summary>Values taken from master data because the order lacked them (requester, line GL accounts), in check order.</summary>
    public IReadOnlyList<Enrichment> Enrichments { get; init; } = [];

    /// <summary>Whether the order may be committed as far as master data goes (the budget still to be checked).</summary>
    public bool IsCommittable => Violations.Count == 0 && Lines.Count > 0;
}
