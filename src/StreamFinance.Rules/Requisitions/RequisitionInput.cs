namespace StreamFinance.Rules.Requisitions;

/// <summary>A purchase requisition, as <see cref="RequisitionRules"/> judges it; well-formed already (the caller has checked it).</summary>
/// <param name="CostCenterId">Cost center whose budget the purchase draws on.</param>
/// <param name="SupplierId">Supplier ordered from.</param>
/// <param name="Date">Requisition date: the master data in force on it, and the accounting period containing it, are used.</param>
/// <param name="Amount">Amount, zero or more.</param>
/// <param name="Currency">ISO 4217 code of <paramref name="Amount"/>.</param>
/// <param name="LegalEntityId">Ordering legal entity; null to take the cost center's.</param>
public sealed record RequisitionInput(string CostCenterId, string SupplierId, DateOnly Date, decimal Amount, string Currency, string? LegalEntityId);
