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

    /// <summary>Not mappable: dead-lettered by the connector on <c>dlq.ingest</c> as MAPPING_FAILED, never produced.</summary>
    IngestDeadLetter,
}
