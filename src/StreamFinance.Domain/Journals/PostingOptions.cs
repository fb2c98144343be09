namespace StreamFinance.Domain.Journals;

/// <summary>
/// Policies of the posting windows (section <see cref="Section"/>): window size and grace, how the windows are closed,
/// how long posted expense ids are remembered, and the balance-sheet accounts of the credit and intercompany lines.
/// </summary>
/// <remarks>
/// Tax: an approved expense carries its gross functional amount and one tax code. The tax code is part of the debit
/// line's grouping key (GL account, cost center, project, tax code), and the line posts the gross amount with that
/// code, so the ERP splits input tax by its own tax-code rules. There is no separate tax line: the functional tax amount
/// is not on the approved expense, and a split computed here could disagree with the ERP's by a rounding unit.
/// </remarks>
public sealed class PostingOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Posting";

    /// <summary>Length of the tumbling posting windows, aligned to the Unix epoch (so hours start on the hour). Default 1 hour.</summary>
    public TimeSpan WindowSize { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long after its end a window still accepts expenses before it is closed and posted. An expense later than
    /// that is never dropped: it goes into the next open window. Default 10 minutes.
    /// </summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the wall-clock punctuator looks for windows to close. Default 1 minute.</summary>
    public TimeSpan CloseCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// When true (default) the posting clock is the later of the highest approval time seen and the wall clock, so a
    /// window closes on time even when no further expense arrives. When false only approval times move the clock
    /// (fully reproducible from the input, but the last window waits for the next expense).
    /// </summary>
    public bool CloseOnWallClock { get; set; } = true;

    /// <summary>
    /// How far ahead of the wall clock an approval time may be. A later one (a skewed clock on the approving instance, a
    /// hand-written or replayed record) would move the posting clock into the future and close every open window early;
    /// it is taken as the wall clock plus this tolerance instead, counted in
    /// <c>streamfinance_posting_future_times_clamped_total</c> and logged. Default 5 minutes; null turns the guard off (then
    /// only approval times, not the wall clock, decide where an expense posts, as with <see cref="CloseOnWallClock"/> false).
    /// </summary>
    public TimeSpan? FutureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a posted expense id is remembered after its window closed, so that a redelivery or replay within that
    /// horizon changes nothing. Must exceed the input topic's retention. Default 35 days.
    /// </summary>
    public TimeSpan PostedIdRetention { get; set; } = TimeSpan.FromDays(35);

    /// <summary>Credit account for out-of-pocket expenses owed to the employee. Default <c>2100</c>.</summary>
    public string EmployeePayableAccount { get; set; } = "2100";

    /// <summary>Credit account for expenses a corporate card paid. Default <c>2150</c>.</summary>
    public string CardClearingAccount { get; set; } = "2150";

    /// <summary>Intercompany payable: credited in the booking entity, partner = the employee's entity. Default <c>2300</c>.</summary>
    public string IntercompanyDueToAccount { get; set; } = "2300";

    /// <summary>Intercompany receivable: debited in the employee's entity, partner = the booking entity. Default <c>1300</c>.</summary>
    public string IntercompanyDueFromAccount { get; set; } = "1300";

    /// <summary>The default options; every call returns a new instance.</summary>
    public static PostingOptions Default() => new();

    /// <summary>Every problem with these settings, each naming the setting and what to do.</summary>
    public IEnumerable<string> Validate()
    {
        if (WindowSize < TimeSpan.FromSeconds(10) || WindowSize > TimeSpan.FromDays(1))
            yield return $"{Section}:WindowSize is {WindowSize}: use 00:00:10 to 1.00:00:00.";
        else if (TimeSpan.FromDays(1).Ticks % WindowSize.Ticks != 0)
            yield return $"{Section}:WindowSize is {WindowSize}: use a size that divides a day (e.g. 00:15:00, 01:00:00, 04:00:00), so windows start at the same times every day.";
        if (GracePeriod < TimeSpan.Zero || GracePeriod > TimeSpan.FromDays(1))
            yield return $"{Section}:GracePeriod is {GracePeriod}: use 00:00:00 to 1.00:00:00.";
        if (CloseCheckInterval < TimeSpan.FromSeconds(1) || CloseCheckInterval > TimeSpan.FromHours(1))
            yield return $"{Section}:CloseCheckInterval is {CloseCheckInterval}: use 00:00:01 to 01:00:00.";
        if (FutureTolerance is { } tolerance && (tolerance < TimeSpan.Zero || tolerance > TimeSpan.FromDays(1)))
            yield return $"{Section}:FutureTolerance is {FutureTolerance}: use 00:00:00 to 1.00:00:00.";
        if (PostedIdRetention < TimeSpan.FromDays(1))
            yield return $"{Section}:PostedIdRetention is {PostedIdRetention}: use at least 1.00:00:00 and more than the retention of expense.approved.";
        var accounts = new (string Name, string Value)[]
        {
            (nameof(EmployeePayableAccount), EmployeePayableAccount), (nameof(CardClearingAccount), CardClearingAccount),
            (nameof(IntercompanyDueToAccount), IntercompanyDueToAccount), (nameof(IntercompanyDueFromAccount), IntercompanyDueFromAccount),
        };
        foreach (var (name, value) in accounts.Where(a => string.IsNullOrWhiteSpace(a.Value)))
            yield return $"{Section}:{name} is empty: give the GL account id.";
        foreach (var group in accounts.Where(a => !string.IsNullOrWhiteSpace(a.Value)).GroupBy(a => a.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
            yield return $"{Section}: {string.Join(" and ", group.Select(a => a.Name))} are both '{group.Key}': each needs its own GL account.";
    }
}
