namespace StreamFinance.Domain.Expenses;

/// <summary>
/// Which legal entity books an expense line (<see cref="ExpenseOptions.BookingEntity"/>): it posts in that entity, in its
/// functional currency at the transaction date's rate. A booking entity other than the employee's makes the line
/// intercompany (due-to in the booking entity, due-from in the employee's). In every mode the cost center must belong
/// to the booking entity, and a <c>chargedEntityId</c> the line names must be the cost center's entity; otherwise the
/// line is <c>COST_CENTER_ENTITY_MISMATCH</c>.
/// </summary>
public enum BookingEntitySource
{
    /// <summary>
    /// The cost center's legal entity books: the coded cost center's, else the employee's default cost center's (as in
    /// the ERPs, where a cost center's company code decides where a cost is booked). The default. An employee of another
    /// entity makes the line intercompany; a <c>chargedEntityId</c> that names another entity than the cost center's is
    /// <c>COST_CENTER_ENTITY_MISMATCH</c>. While the cost center is unknown, the booking entity is the
    /// <c>chargedEntityId</c> when the line names one, else not known yet (the checks that need it wait with the line).
    /// </summary>
    CostCenter,

    /// <summary>
    /// The employee's own legal entity books, always: no line is intercompany. A cost center of another entity, or a
    /// <c>chargedEntityId</c> naming another entity, is <c>COST_CENTER_ENTITY_MISMATCH</c>.
    /// </summary>
    Employee,

    /// <summary>
    /// The line's <c>chargedEntityId</c> books, else the employee's entity (the behaviour before issue 13). A charged
    /// entity other than the employee's makes the line intercompany; a cost center of another entity than the booking
    /// entity is <c>COST_CENTER_ENTITY_MISMATCH</c>.
    /// </summary>
    Charged,
}
