namespace StreamFinance.Domain.Expenses;

/// <summary>
/// Coded card spend (<c>Expenses:CardSpend</c>): how a fully coded card transaction of a spend platform and the
/// expense-report line that names it post once. The side that wins by precedence posts; the other ends as merged.
/// </summary>
public sealed class CardSpendOptions
{
    /// <summary>Configuration section name, under <see cref="ExpenseOptions.Section"/>.</summary>
    public const string Section = "CardSpend";

    /// <summary>
    /// How long an approved, fully coded card transaction waits for an expense-report line that names it before it posts
    /// on its own, when the report line wins (the default). A report line arriving within the wait posts and the card
    /// transaction is merged; one arriving later is merged into the posted card transaction, or raised as
    /// <c>CARD_EXPENSE_CONFLICT</c> when its amount or coding differ. Checked once a minute (wall clock). Default 1 hour
    /// (<c>01:00:00</c>, one posting window; <c>00:00:00</c> to <c>7.00:00:00</c>; zero posts at once).
    /// </summary>
    public TimeSpan ReportLineWait { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Per card source system (the card transaction's <c>envelope.sourceSystem</c>, e.g. <c>brex</c>; case-insensitive):
    /// true when its coded card transactions are the system of record for coding, so they post at once without waiting
    /// and an expense-report line naming them is merged. Default: none, so the report line wins for every source.
    /// </summary>
    public Dictionary<string, bool> PostsOverReport { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether coded card transactions of <paramref name="sourceSystem"/> win over the report line.</summary>
    public bool CardWins(string? sourceSystem) =>
        sourceSystem is not null && PostsOverReport is not null
        && PostsOverReport.Any(p => p.Value && string.Equals(p.Key, sourceSystem, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every problem with these settings, each naming the setting and what to do.</summary>
    public IEnumerable<string> Validate()
    {
        var prefix = $"{ExpenseOptions.Section}:{Section}";
        if (ReportLineWait < TimeSpan.Zero || ReportLineWait > TimeSpan.FromDays(7))
            yield return FormattableString.Invariant($"{prefix}:{nameof(ReportLineWait)} is {ReportLineWait}: use 00:00:00 to 7.00:00:00 (default 01:00:00).");
        if (PostsOverReport is null)
            yield return $"{prefix}:{nameof(PostsOverReport)} is empty; remove it to let report lines win for every source.";
        else
            foreach (var source in PostsOverReport.Keys.Where(string.IsNullOrWhiteSpace))
                yield return $"{prefix}:{nameof(PostsOverReport)} has a blank source system '{source}': name the card transactions' sourceSystem, e.g. brex.";
    }
}
