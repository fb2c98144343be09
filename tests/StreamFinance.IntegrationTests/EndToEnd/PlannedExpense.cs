namespace StreamFinance.IntegrationTests.EndToEnd;

/// <summary>One line the end-to-end test writes into a vendor file, with the outcome the pipeline must reach for it.</summary>
/// <param name="SourceSystem">The vendor (<c>concur</c> or <c>expensify</c>), which is the mapping profile's source system.</param>
/// <param name="Id">The vendor's line id; the canonical record's key, source id and idempotency key suffix.</param>
/// <param name="EmployeeId">Employee of the sample world.</param>
/// <param name="EntityId">The employee's legal entity, which books the expense unless <paramref name="ChargedEntityId"/> is set.</param>
/// <param name="Amount">Amount in <paramref name="Currency"/> units (not cents).</param>
/// <param name="Currency">Transaction currency.</param>
/// <param name="CostCenterId">Cost center coded on the line.</param>
/// <param name="Outcome">What must become of the line.</param>
/// <param name="ExpectedField">For a dead letter: the field the message must name; else null.</param>
/// <param name="ExpectedValue">For a dead letter: the value the message must name; else null.</param>
/// <param name="ChargedEntityId">For an intercompany line: the other legal entity it is charged to, which books the cost; else null.</param>
public sealed record PlannedExpense(
    string SourceSystem,
    string Id,
    string EmployeeId,
    string EntityId,
    decimal Amount,
    string Currency,
    string CostCenterId,
    PlannedOutcome Outcome,
    string? ExpectedField = null,
    string? ExpectedValue = null,
    string? ChargedEntityId = null)
{
    /// <summary>The legal entity that books the cost: <see cref="ChargedEntityId"/> when set, else <see cref="EntityId"/>.</summary>
    public string BookingEntityId => ChargedEntityId ?? EntityId;

    /// <summary>The idempotency key the mapping engine gives the line: <c>{sourceSystem}:ingest.expenses:{id}</c>.</summary>
    public string IdempotencyKey => $"{SourceSystem}:{StreamFinance.Contracts.Catalog.Topics.Expenses.Name}:{Id}";
}
