using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
namespace StreamFinance.Host.Api.Validation;

/// <summary>Outcome of <see cref="ExpenseCodingEvaluator"/>.</summary>
/// <param name="Violations">Every rule broken; empty when the coding is valid.</param>
/// <param name="Conversion">The amount in the entity's functional currency, when the entity and a rate were found.</param>
public sealed record ExpenseCodingResult(IReadOnlyList<Violation> Violations, CurrencyConversion? Conversion)
{
    /// <summary>Whether no rule is broken.</summary>
    public bool Valid => Violations.Count == 0;
}
