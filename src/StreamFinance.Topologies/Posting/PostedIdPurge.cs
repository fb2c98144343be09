namespace StreamFinance.Topologies.Posting;

/// <summary>
/// The retention horizon of posted expense ids: removes ids whose window ended before the horizon, from the expiry
/// store (ordered by window end, so only the expired prefix is read) and from the expense-id store. After that a
/// redelivery of such an expense would post again: keep <c>PostedIdRetention</c> above the retention of <c>expense.approved</c>.
/// </summary>
public static class PostedIdPurge
{
    /// <summary>Removes every posted id whose window ended before <paramref name="horizon"/>; returns how many.</summary>
    public static int Run(PostingStores stores, DateTimeOffset horizon)
    {
        ArgumentNullException.ThrowIfNull(stores);
        var expired = new List<string>();
        foreach (var entry in stores.PostedExpiry.All())
        {
            if (PostingKeys.ParseExpiry(entry.Key).WindowEnd >= horizon)
                break;
            expired.Add(entry.Key);
        }
        foreach (var key in expired)
        {
            var (_, entity, currency, expenseId) = PostingKeys.ParseExpiry(key);
            stores.ExpenseIds.Delete(PostingKeys.ExpenseId(entity, currency, expenseId));
            stores.PostedExpiry.Delete(key);
        }
        return expired.Count;
    }
}
