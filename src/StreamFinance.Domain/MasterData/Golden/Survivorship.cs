namespace StreamFinance.Domain.MasterData.Golden;

/// <summary>
/// Merges the source records of one real-world object (e.g. one supplier known to the ERP and to procurement) into a
/// golden record: each field by its <see cref="SurvivorshipRule"/>, with the winning source recorded as lineage and
/// every source id kept as a cross-reference. The result depends only on the set of records, never on their order.
/// Immutable and thread-safe.
/// </summary>
public sealed class Survivorship
{
    private readonly Dictionary<string, SurvivorshipRule> fieldRules;
    private readonly SurvivorshipRule defaultRule;
    private readonly string[] sourcePriority;
    private readonly Dictionary<string, string[]> fieldSourcePriority;

    /// <summary>
    /// Survivorship with <paramref name="options"/> (default <see cref="SurvivorshipOptions.Default"/>). Throws
    /// <see cref="ArgumentException"/> listing every problem when the options are invalid.
    /// </summary>
    public Survivorship(SurvivorshipOptions? options = null)
    {
        options ??= SurvivorshipOptions.Default();
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
            throw new ArgumentException($"Survivorship settings are invalid: {string.Join(" ", problems)}", nameof(options));
        fieldRules = new Dictionary<string, SurvivorshipRule>(options.FieldRules ?? [], StringComparer.Ordinal);
        defaultRule = options.DefaultRule;
        sourcePriority = [.. options.SourcePriority ?? []];
        fieldSourcePriority = (options.FieldSourcePriority ?? []).ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The rule that decides <paramref name="field"/>.</summary>
    public SurvivorshipRule RuleFor(string field) => fieldRules.GetValueOrDefault(field, defaultRule);

    /// <summary>
    /// The golden id of an object known under <paramref name="sources"/>. The anchor is the reference from the most
    /// trusted source system in <see cref="SurvivorshipOptions.SourcePriority"/> (then the ordinal-lowest reference).
    /// When the anchor comes from the first system in the list (the ERP by default), the golden id is its source id
    /// unchanged (<c>SUP-000123</c>), so the group-wide id is the ERP id; otherwise it is <c>{sourceSystem}:{sourceId}</c>
    /// (<c>coupa:REQ-9</c>), which cannot collide with ERP ids. The id changes only when the anchor does, e.g. when the
    /// ERP first learns of a supplier that procurement created: the topology then retires the old key.
    /// </summary>
    public string GoldenIdOf(IEnumerable<SourceReference> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var anchor = sources.Distinct().OrderBy(s => Rank(sourcePriority, s.SourceSystem)).ThenBy(s => s).FirstOrDefault()
            ?? throw new ArgumentException("A golden id needs at least one source reference.", nameof(sources));
        return sourcePriority.Length > 0 && string.Equals(anchor.SourceSystem, sourcePriority[0], StringComparison.OrdinalIgnoreCase)
            ? anchor.SourceId
            : anchor.ToString();
    }

    /// <summary>
    /// Merges <paramref name="records"/> into one golden record. Throws <see cref="ArgumentException"/> when there are
    /// none or two share a source reference (the caller keeps one record per source reference: the latest).
    /// </summary>
    public GoldenRecord Merge(IEnumerable<SourceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records.ToList();
        if (list.Count == 0)
            throw new ArgumentException("Survivorship needs at least one source record.", nameof(records));
        var duplicate = list.GroupBy(r => r.Source).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Source record {duplicate.Key} is given {duplicate.Count()} times; pass only its latest version.", nameof(records));

        var references = list.Select(r => r.Source).Order().ToList();
        var fields = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var lineage = new SortedDictionary<string, SourceReference>(StringComparer.Ordinal);
        foreach (var field in list.SelectMany(r => r.Fields.Keys).Distinct(StringComparer.Ordinal))
        {
            var winner = Winner(field, list);
            fields[field] = winner?.PresentValue(field);
            if (winner is not null)
                lineage[field] = winner.Source;
        }
        return new GoldenRecord(GoldenIdOf(references), fields, lineage, references);
    }

    private SourceRecord? Winner(string field, List<SourceRecord> records)
    {
        var priority = fieldSourcePriority.GetValueOrDefault(field, sourcePriority);
        var candidates = records.Where(r => r.PresentValue(field) is not null);
        var byRule = RuleFor(field) switch
        {
            SurvivorshipRule.SystemOfRecordWins => candidates
                .OrderBy(r => Rank(priority, r.Source.SourceSystem))
                .ThenByDescending(r => r.UpdatedAt),
            SurvivorshipRule.MostRecentWins => candidates
                .OrderByDescending(r => r.UpdatedAt)
                .ThenBy(r => Rank(priority, r.Source.SourceSystem)),
            SurvivorshipRule.MostCompleteWins => candidates
                .OrderByDescending(r => r.Completeness)
                .ThenByDescending(r => r.PresentValue(field)!.Length)
                .ThenByDescending(r => r.UpdatedAt)
                .ThenBy(r => Rank(priority, r.Source.SourceSystem)),
            var rule => throw new InvalidOperationException($"Survivorship rule {rule} is not implemented."),
        };
        return byRule.ThenBy(r => r.Source).FirstOrDefault();
    }

    private static int Rank(string[] priority, string sourceSystem)
    {
        for (var i = 0; i < priority.Length; i++)
            if (string.Equals(priority[i], sourceSystem, StringComparison.OrdinalIgnoreCase))
                return i;
        return int.MaxValue;
    }
}
