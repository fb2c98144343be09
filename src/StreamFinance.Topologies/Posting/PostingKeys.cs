using System.Globalization;
using StreamFinance.Domain.Journals;

namespace StreamFinance.Topologies.Posting;

/// <summary>
/// The string keys of the posting topology's repartition and stores (see <see cref="PostingNames"/>). Parts are
/// separated by <c>|</c>, which <see cref="ExpenseToPostCheck"/> refuses inside ids; instants are written as
/// <c>yyyyMMddTHHmmssZ</c>, so ordinal key order is time order.
/// </summary>
public static class PostingKeys
{
    private const string Stamp = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The repartition key: the journal's entity and currency.</summary>
    public static string Journal(string entity, string currency) => $"{entity}|{currency}";

    /// <summary>Splits a <see cref="Journal"/> key.</summary>
    public static (string Entity, string Currency) ParseJournal(string key)
    {
        var parts = Split(key, 2);
        return (parts[0], parts[1]);
    }

    /// <summary>Key of an expense in an open window.</summary>
    public static string OpenExpense(DateTimeOffset windowStart, string entity, string currency, string expenseId) =>
        $"{Format(windowStart)}|{entity}|{currency}|{expenseId}";

    /// <summary>Splits an <see cref="OpenExpense"/> key.</summary>
    public static (DateTimeOffset WindowStart, string Entity, string Currency, string ExpenseId) ParseOpenExpense(string key)
    {
        var parts = Split(key, 4);
        return (Parse(parts[0]), parts[1], parts[2], parts[3]);
    }

    /// <summary>Key of an expense id taken by an entity's journal.</summary>
    public static string ExpenseId(string entity, string currency, string expenseId) => $"{entity}|{currency}|{expenseId}";

    /// <summary>Key of a posted id in the expiry store.</summary>
    public static string Expiry(DateTimeOffset windowEnd, string entity, string currency, string expenseId) =>
        $"{Format(windowEnd)}|{entity}|{currency}|{expenseId}";

    /// <summary>Splits an <see cref="Expiry"/> key.</summary>
    public static (DateTimeOffset WindowEnd, string Entity, string Currency, string ExpenseId) ParseExpiry(string key) => ParseOpenExpense(key);

    /// <summary>An instant as written in keys.</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string stamp) =>
        DateTimeOffset.ParseExact(stamp, Stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string[] Split(string key, int count)
    {
        var parts = key.Split('|');
        return parts.Length == count && parts.All(p => p.Length > 0)
            ? parts
            : throw new FormatException($"Posting store key '{key}' does not have {count} '|'-separated parts; the store holds data of another version: reset the posting application's state.");
    }
}
