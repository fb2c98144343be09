using System.Text.Json.Nodes;
using Avro.Specific;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.IntegrationTests.Processes;
using StreamFinance.Kafka.SerDes;
using StreamFinance.TestSupport.Kafka;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.IntegrationTests.Pipelines;

/// <summary>
/// What the expense and posting topologies wrote to one broker (approvals, expense dead letters, journals), read whole,
/// and what it says: every record collapsed by its deterministic id (idempotency key, reconciliation id), the repeats
/// counted, and the contents that may not differ between two runs of the same input put in a form that can be compared
/// (<see cref="Comparable"/>). Envelopes are left out of contents: they carry the wall-clock time of the approval or of
/// the window's close.
/// </summary>
public sealed class PipelineOutputs
{
    private PipelineOutputs(IReadOnlyList<ApprovedExpense> approvals, IReadOnlyList<DeadLetter> deadLetters, IReadOnlyList<JournalEntry> journals)
    {
        Approvals = approvals;
        DeadLetters = deadLetters;
        Journals = journals;
        ApprovedByKey = approvals.GroupBy(a => a.envelope.idempotencyKey).ToDictionary(g => g.Key, g => g.Select(Content).Distinct().ToList());
        DeadLetteredByKey = deadLetters.GroupBy(d => d.idempotencyKey ?? "").ToDictionary(g => g.Key, g => g.Select(d => d.reasonCode).Distinct().ToList());
        Versions = journals.GroupBy(j => j.reconciliationId).ToDictionary(g => g.Key, g => g.DistinctBy(Content).ToList());
    }

    /// <summary>Every approval record, repeats included.</summary>
    public IReadOnlyList<ApprovedExpense> Approvals { get; }

    /// <summary>Every expense dead letter, repeats included.</summary>
    public IReadOnlyList<DeadLetter> DeadLetters { get; }

    /// <summary>Every journal record, repeats included.</summary>
    public IReadOnlyList<JournalEntry> Journals { get; }

    /// <summary>Approvals by idempotency key: the distinct contents written under it (one, unless something approved it differently).</summary>
    public IReadOnlyDictionary<string, List<string>> ApprovedByKey { get; }

    /// <summary>Dead letters by idempotency key: the distinct reasons.</summary>
    public IReadOnlyDictionary<string, List<string>> DeadLetteredByKey { get; }

    /// <summary>Journals by reconciliation id: the distinct versions (one, unless a window was closed again with other content).</summary>
    public IReadOnlyDictionary<string, List<JournalEntry>> Versions { get; }

    /// <summary>Approval records beyond one per idempotency key: the same line approved again (collapsed by its key downstream).</summary>
    public int ApprovalRepeats => Approvals.Count - ApprovedByKey.Count;

    /// <summary>Dead-letter records beyond one per idempotency key.</summary>
    public int DeadLetterRepeats => DeadLetters.Count - DeadLetteredByKey.Count;

    /// <summary>Journal records repeated with the same content under their reconciliation id.</summary>
    public int JournalRepeats => Journals.Count - Versions.Values.Sum(v => v.Count);

    /// <summary>Reconciliation ids written with more than one content.</summary>
    public IReadOnlyList<string> JournalsWithTwoContents => Versions.Where(v => v.Value.Count > 1).Select(v => v.Key).Order().ToList();

    /// <summary>Each (entity, expense id) posted, with how many distinct journal versions post it (1 when posted once).</summary>
    public IReadOnlyDictionary<string, int> Postings => Versions.Values.SelectMany(v => v)
        .SelectMany(j => j.lines.SelectMany(l => l.sourceIds).Distinct().Select(id => $"{j.legalEntityId}/{id}"))
        .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Journal versions whose debits and credits differ, or differ from their control totals.</summary>
    public IReadOnlyList<string> Unbalanced => Versions.Values.SelectMany(v => v).Where(j =>
    {
        var debit = j.lines.Where(l => l.side == JournalSide.DEBIT).Sum(l => l.amount.ToDecimal());
        var credit = j.lines.Where(l => l.side == JournalSide.CREDIT).Sum(l => l.amount.ToDecimal());
        return debit != credit || debit != j.totalDebit.ToDecimal() || credit != j.totalCredit.ToDecimal();
    }).Select(j => j.reconciliationId).ToList();

    /// <summary>Each approved expense as it must post: in its booking entity, and an intercompany one in the employee's entity too.</summary>
    public IReadOnlySet<string> ExpectedPostings => Approvals
        .SelectMany(a => a.employeeEntityId is { } other && other != a.legalEntityId
            ? new[] { $"{a.legalEntityId}/{a.expense.expenseId}", $"{other}/{a.expense.expenseId}" }
            : [$"{a.legalEntityId}/{a.expense.expenseId}"])
        .ToHashSet();

    /// <summary>Keys among <paramref name="inputs"/> neither approved nor dead-lettered.</summary>
    public IReadOnlyList<string> Unaccounted(IEnumerable<string> inputs) =>
        inputs.Where(k => !ApprovedByKey.ContainsKey(k) && !DeadLetteredByKey.ContainsKey(k)).ToList();

    /// <summary>
    /// The outcome as two runs of the same input must agree on it, whatever their instances, threads, restarts and posting
    /// windows: each key's approval content, each key's dead-letter reasons, each (entity, expense) posted, and the
    /// posted amounts per entity, currency, account, cost center, project, tax code, side and partner, summed over
    /// every journal version (windows may cut the same postings into other journals).
    /// </summary>
    public Comparable Compare() => new(
        ApprovedByKey.ToDictionary(a => a.Key, a => string.Join(" | ", a.Value)),
        DeadLetteredByKey.ToDictionary(d => d.Key, d => string.Join(", ", d.Value.Order())),
        Postings.Keys.ToHashSet(),
        Versions.Values.SelectMany(v => v).SelectMany(j => j.lines.Select(l =>
                ($"{j.legalEntityId} {j.currency} {l.glAccountId} {l.costCenterId} {l.projectId} {l.taxCodeId} {l.side} {l.intercompanyPartnerEntityId}", l.amount.ToDecimal())))
            .GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.Sum(x => x.Item2)));

    /// <summary>One line of figures, for the test output.</summary>
    public string Describe() =>
        $"{ApprovedByKey.Count} approved ({ApprovalRepeats} repeats), {DeadLetteredByKey.Count} dead-lettered ({DeadLetterRepeats} repeats), " +
        $"{Versions.Count} journals ({JournalRepeats} repeats, {JournalsWithTwoContents.Count} with two contents), {Postings.Count} postings";

    /// <summary>
    /// Reads <paramref name="broker"/>'s outputs until every key of <paramref name="inputs"/> is approved or dead-lettered
    /// and every approval is posted, and returns that read; fails the test after <paramref name="patience"/>.
    /// </summary>
    public static PipelineOutputs AwaitComplete(BrokerProcess broker, IReadOnlyList<string> inputs, TimeSpan patience, Func<string> detail) =>
        Wait.Until("every line approved or dead-lettered and every approval posted", patience, () => Read(broker),
            o => o.Unaccounted(inputs).Count == 0 && o.ExpectedPostings.IsSubsetOf(o.Postings.Keys),
            o => $"{o.Unaccounted(inputs).Count} of {inputs.Count} lines neither approved nor dead-lettered ({string.Join(", ", o.Unaccounted(inputs).Take(5))}), " +
                 $"{o.ExpectedPostings.Except(o.Postings.Keys).Count()} postings missing ({string.Join(", ", o.ExpectedPostings.Except(o.Postings.Keys).Take(5))})",
            TimeSpan.FromSeconds(1), detail: detail);

    /// <summary>Reads the three topics of <paramref name="broker"/> to their current ends.</summary>
    public static PipelineOutputs Read(BrokerProcess broker)
    {
        var serDes = SerDesFactory.FromOptions(new Kafka.Configuration.SchemaRegistryOptions { Url = broker.SchemaRegistryUrl });
        return new PipelineOutputs(
            Read(broker, Topics.ApprovedExpenses, serDes),
            Read(broker, Topics.ExpenseDeadLetters, serDes),
            Read(broker, Topics.JournalPostings, serDes));
    }

    private static List<T> Read<T>(BrokerProcess broker, Topic<string, T> topic, SerDesFactory serDes) where T : class, ISpecificRecord =>
        TopicReader.ReadValues(broker.BootstrapServers, topic, serDes, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    /// <summary>A record's fields as JSON (decimals exact), without its envelope.</summary>
    private static string Content(ISpecificRecord record)
    {
        var json = JsonNode.Parse(AvroJsonWriter.ToJson(record))!.AsObject();
        json.Remove("envelope");
        return json.ToJsonString();
    }

    /// <summary>See <see cref="Compare"/>.</summary>
    public sealed record Comparable(
        IReadOnlyDictionary<string, string> Approved,
        IReadOnlyDictionary<string, string> DeadLettered,
        IReadOnlySet<string> Posted,
        IReadOnlyDictionary<string, decimal> Ledger)
    {
        /// <summary>Every difference from <paramref name="expected"/>, one line each (at most 10 per kind); empty when they agree.</summary>
        public IReadOnlyList<string> DifferencesFrom(Comparable expected) =>
        [
            .. Differ("approved", expected.Approved, Approved),
            .. Differ("dead-lettered", expected.DeadLettered, DeadLettered),
            .. Differ("posted", expected.Posted.ToDictionary(p => p, _ => "posted"), Posted.ToDictionary(p => p, _ => "posted")),
            .. Differ("ledger", expected.Ledger.ToDictionary(l => l.Key, l => l.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Ledger.ToDictionary(l => l.Key, l => l.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ];

        private static IEnumerable<string> Differ(string kind, IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual) =>
            expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
                .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
                .Take(10)
                .Select(k => $"{kind} {k}: expected {expected.GetValueOrDefault(k) ?? "nothing"}, got {actual.GetValueOrDefault(k) ?? "nothing"}");
    }
}
