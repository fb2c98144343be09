using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Journals;

namespace StreamFinance.Topologies.Posting;

/// <summary>Reads the posting facts out of an <c>ApprovedExpense</c>.</summary>
public static class ApprovedExpenseToPost
{
    /// <summary>
    /// The facts of <paramref name="approved"/>. The approval time is <c>envelope.eventTime</c> of the approved record
    /// (the moment the expense topology approved it), the event time that picks the posting window.
    /// </summary>
    public static ExpenseToPost From(ApprovedExpense approved)
    {
        ArgumentNullException.ThrowIfNull(approved);
        return new ExpenseToPost(
            approved.expense?.expenseId ?? "",
            ApprovalTime(approved),
            approved.legalEntityId,
            approved.functionalAmount.ToDecimal(),
            approved.functionalAmount.currency,
            approved.glAccountId,
            approved.costCenterId,
            approved.projectId,
            approved.taxCodeId,
            approved.isCardCharge,
            approved.fiscalYear,
            approved.periodNumber,
            approved.employeeEntityId,
            approved.employeeEntityAmount?.ToDecimal(),
            approved.employeeEntityAmount?.currency);
    }

    /// <summary><c>envelope.eventTime</c> as a UTC instant.</summary>
    public static DateTimeOffset ApprovalTime(ApprovedExpense approved)
    {
        ArgumentNullException.ThrowIfNull(approved);
        var time = approved.envelope.eventTime;
        return new DateTimeOffset(AvroTimestamps.Utc(time));
    }
}
