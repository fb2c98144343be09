using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Expenses;
using StreamFinance.Domain.MasterData;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using static StreamFinance.Rules.Checks.AmountText;

namespace StreamFinance.Rules.Expenses;

/// <summary>The accounting period an expense posts into, the period rule of <see cref="ExpenseRules"/>.</summary>
public static class PostingPeriods
{
    /// <summary>
    /// The period the expense posts into: the one of <paramref name="legalEntityId"/> containing <paramref name="date"/>
    /// if that period is open on <paramref name="today"/> (posting happens now); if it is closed, per
    /// <see cref="ExpenseOptions.ClosedPeriod"/> the next period of the entity open today (roll forward) or CLOSED_PERIOD.
    /// When no period of the entity contains the date, that period has not arrived yet: CLOSED_PERIOD awaiting it.
    /// Violations are on <paramref name="field"/>; null when there is no period to post into.
    /// </summary>
    public static AccountingPeriod? Of(
        MasterDataReader reader, ClosedPeriodPolicy policy, string legalEntityId, DateOnly date, DateOnly today, string field, List<Violation> violations)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(violations);
        var type = MasterDataObjectTypes.AccountingPeriod;
        var containing = reader.PeriodContaining(legalEntityId, date);
        if (!containing.IsFound)
        {
            violations.Add(new Violation(ReasonCode.ClosedPeriod, field, Day(date), containing.Absence!)
            {
                Awaits = LookupKeys.Of(type, LookupKeys.CalendarAccountingPeriod(legalEntityId, date)),
            });
            return null;
        }
        var period = reader.AsOf<AccountingPeriod>(type, containing.Value!.periodId, today).Value ?? containing.Value;
        if (period.status == AccountingPeriodStatus.OPEN)
            return period;

        var closed = $"accounting period {period.periodId} of legal entity {legalEntityId} (transaction date {Day(date)}) is {period.status.ToString().ToLowerInvariant()}";
        if (policy == ClosedPeriodPolicy.DeadLetter)
        {
            violations.Add(new Violation(ReasonCode.ClosedPeriod, field, Day(date), $"{closed}; the policy {ExpenseOptions.Section}:{nameof(ExpenseOptions.ClosedPeriod)} is DeadLetter"));
            return null;
        }
        var next = reader.NextOpenPeriod(legalEntityId, DateOnly.FromDateTime(period.endDate), today);
        if (next is null)
            violations.Add(new Violation(ReasonCode.ClosedPeriod, field, Day(date), $"{closed} and no later period of {legalEntityId} is open to roll it forward into"));
        return next;
    }
}
