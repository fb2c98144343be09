using StreamFinance.Rules.Checks;

namespace StreamFinance.Rules.Requisitions;

/// <summary>What <see cref="RequisitionRules"/> made of one requisition.</summary>
/// <param name="Violations">Every rule broken, in <see cref="RequisitionRules"/>' precedence order; empty when the requisition may go ahead.</param>
/// <param name="Budget">The budget it was measured against, when one was found and the amount could be converted.</param>
public sealed record RequisitionAssessment(IReadOnlyList<Violation> Violations, BudgetCheck? Budget)
{
    /// <summary>Whether no rule is broken.</summary>
    public bool Valid => Violations.Count == 0;
}
