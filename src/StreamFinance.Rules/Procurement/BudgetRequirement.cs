namespace StreamFinance.Rules.Procurement;

/// <summary>What a purchase order needs from one budget key, in the budget's currency.</summary>
/// <param name="BudgetKey">The key, <c>&lt;costCenterId or projectId&gt;/&lt;periodId&gt;</c> (<see cref="Lookups.LookupKeys.Budget"/>).</param>
/// <param name="Budget">The budgeted amount in force on the order date.</param>
/// <param name="Currency">The budget's currency.</param>
/// <param name="Amount">The order's lines on the key, converted into <paramref name="Currency"/>.</param>
/// <param name="Field">The first line field that names the key, for messages (<c>lines[1].costCenterId</c>).</param>
public sealed record BudgetRequirement(string BudgetKey, decimal Budget, string Currency, decimal Amount, string Field);
