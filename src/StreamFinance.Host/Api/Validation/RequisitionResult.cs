using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
namespace StreamFinance.Host.Api.Validation;

/// <summary>Outcome of <see cref="RequisitionEvaluator"/>.</summary>
/// <param name="Violations">Every rule broken; empty when the requisition may go ahead.</param>
/// <param name="Budget">The budget it was measured against, when one was found and the amount could be converted.</param>
public sealed record RequisitionResult(IReadOnlyList<Violation> Violations, BudgetCheck? Budget)
{
    /// <summary>Whether no rule is broken.</summary>
    public bool Valid => Violations.Count == 0;
}
