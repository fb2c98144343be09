namespace StreamFinance.Domain.Journals;

/// <summary>Which journal a contribution of an expense belongs to.</summary>
public enum PostingRole
{
    /// <summary>The entity that books the cost: debit the expense coding, credit payable, card clearing or (intercompany) due-to.</summary>
    Booking,

    /// <summary>The employee's entity of an intercompany expense: debit due-from the booking entity, credit payable or card clearing.</summary>
    EmployeeEntity,
}
