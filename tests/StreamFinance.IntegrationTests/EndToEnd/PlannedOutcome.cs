namespace StreamFinance.IntegrationTests.EndToEnd;

/// <summary>Where a line written into a vendor file must end.</summary>
public enum PlannedOutcome
{
    /// <summary>Mapped, approved on <c>expense.approved</c> and posted in one journal of its entity.</summary>
    Approved,

    /// <summary>A re-delivery of a line already written (same vendor id): produced again, then dropped by the expense topology's dedupe.</summary>
    Duplicate,

    /// <summary>Mapped, then dead-lettered by the expense topology on <c>dlq.expenses</c> (a business failure).</summary>
    ExpenseDeadLetter,

    /// <summary>
    /// Mapped, then held by the expense topology for master data that never arrives in the test (a cost center the sample
    /// world lacks): neither approved nor dead-lettered before <c>Expenses:MasterDataWaitHorizon</c> (1 day), and counted
    /// in <c>streamfinance_records_held{hold="expense.md-waits"}</c>.
    /// </summary>
    Held,

    /// <summary>Not mappable: dead-lettered by the connector on <c>dlq.ingest</c> as MAPPING_FAILED, never produced.</summary>
    IngestDeadLetter,
}
