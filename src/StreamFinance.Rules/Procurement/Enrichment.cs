namespace StreamFinance.Rules.Procurement;

/// <summary>
/// A value the purchase order rules supplied from master data because the order did not carry it (as an X12 850 does
/// not): the requester from the buyer's employee cross-reference, a line's GL account from its item category.
/// </summary>
/// <param name="Field">The field filled, in the order's spelling: <c>requesterId</c>, <c>lines[1].glAccountId</c>.</param>
/// <param name="Value">The value taken, e.g. <c>E-US-0007</c>, <c>650200</c>.</param>
/// <param name="Source">What was looked up, for people and the audit trail, e.g. "edi-x12 buyer JSMITH, cross-reference of employee E-US-0007".</param>
public sealed record Enrichment(string Field, string Value, string Source);
