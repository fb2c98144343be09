using System.Globalization;

namespace StreamFinance.Topologies.Expenses;

/// <summary>One idempotency key in <see cref="ExpenseNames.DedupeStore"/>: the outcome of its latest pass and the day it was first seen.</summary>
/// <param name="Outcome">Latest outcome.</param>
/// <param name="FirstSeen">Day (UTC) the key was first seen; the horizon counts from it.</param>
public sealed record DedupeEntry(DedupeOutcome Outcome, DateOnly FirstSeen)
{
    /// <summary>Whether the horizon of <paramref name="horizonDays"/> days has passed on <paramref name="today"/>, so the key may be forgotten.</summary>
    public bool IsExpired(DateOnly today, int horizonDays) => FirstSeen.AddDays(horizonDays) <= today;

    /// <summary>Whether a delivery of this key is dropped: always after approval and while the line waits, after a dead letter unless it is a replay.</summary>
    public bool Drops(bool isReplay) => Outcome != DedupeOutcome.DeadLettered || !isReplay;

    /// <summary>Stored form: <c>Approved|2026-03-31</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Outcome}|{FirstSeen:yyyy-MM-dd}");

    /// <summary>Reads the stored form.</summary>
    /// <exception cref="FormatException">Not a stored entry; the store was written by something else.</exception>
    public static DedupeEntry Parse(string text)
    {
        var parts = text.Split('|');
        if (parts.Length == 2 && Enum.TryParse<DedupeOutcome>(parts[0], out var outcome)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DedupeEntry(outcome, day);
        throw new FormatException($"'{text}' in store {ExpenseNames.DedupeStore} is not 'Outcome|yyyy-MM-dd'; the store was written by another program.");
    }
}
