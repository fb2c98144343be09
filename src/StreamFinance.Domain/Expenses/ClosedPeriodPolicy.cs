namespace StreamFinance.Domain.Expenses;

/// <summary>What happens to an expense whose transaction date falls in a closed accounting period.</summary>
public enum ClosedPeriodPolicy
{
    /// <summary>Post into the next open period of the legal entity (the usual treatment of late expense claims). The default.</summary>
    RollForward,

    /// <summary>Dead-letter the expense as <c>CLOSED_PERIOD</c> for finance operations to reopen the period or redate it.</summary>
    DeadLetter,
}
