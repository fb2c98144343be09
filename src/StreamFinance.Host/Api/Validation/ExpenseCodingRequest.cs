using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
namespace StreamFinance.Host.Api.Validation;

/// <summary>The coding of one expense, as checked by <see cref="ExpenseCodingEvaluator"/>; well-formed already (see the HTTP layer).</summary>
/// <param name="LegalEntityId">Legal entity whose books the expense goes to, e.g. <c>US01</c>.</param>
/// <param name="CostCenterId">Cost center charged.</param>
/// <param name="ProjectId">Project charged; null when none.</param>
/// <param name="TaxCodeId">Tax code applied; null when none.</param>
/// <param name="Date">Transaction date: the master data in force on it is used.</param>
/// <param name="Amount">Amount, zero or more.</param>
/// <param name="Currency">ISO 4217 code of <paramref name="Amount"/>.</param>
public sealed record ExpenseCodingRequest(
    string LegalEntityId, string CostCenterId, string? ProjectId, string? TaxCodeId, DateOnly Date, decimal Amount, string Currency);
