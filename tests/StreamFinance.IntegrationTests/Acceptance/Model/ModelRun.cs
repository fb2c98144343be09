namespace StreamFinance.IntegrationTests.Acceptance.Model;

/// <summary>Where a record ends.</summary>
public enum ModelOutcomeKind
{
    /// <summary>Approved and written to <c>expense.approved</c>, then posted.</summary>
    Posted,

    /// <summary>The other side of a card purchase posted (a coded card or report line merged, an uncoded charge documented).</summary>
    Merged,

    /// <summary>A re-delivery dropped by the dedupe store (or a charge already held or posted).</summary>
    Duplicate,

    /// <summary>Dead-lettered by the expense topology on <c>dlq.expenses</c>.</summary>
    DeadLettered,

    /// <summary>Dead-lettered by the connector on <c>dlq.ingest</c>, never produced.</summary>
    IngestDeadLettered,
}

/// <summary>The model's outcome of one record; <paramref name="Codes"/> are every violation's code for a rules dead letter.</summary>
public sealed record ModelOutcome(ModelRecord Record, ModelOutcomeKind Kind, string? Reason = null, IReadOnlyList<string>? Codes = null, ModelVerdict? Verdict = null, string Stage = "at once");

/// <summary>One signed journal amount: debits positive, credits negative, per entity, currency, period and line key.</summary>
public sealed record ModelJournalKey(string Entity, string Currency, int Year, int Period, string GlAccount, string? CostCenter, string? Project, string? TaxCode, string? Partner);

/// <summary>
/// The acceptance model: runs the dataset through the README's rules phase by phase, on the same steps the test takes
/// (files of a phase arrive; the report-line wait passes; the horizons pass), and keeps per record its outcome, the
/// pipeline's counters (<c>streamfinance_expense_*_total</c>) and the signed journal amounts the postings must add up to.
/// Card purchases follow the README's "one posting per purchase": the report line wins unless the card's source posts
/// over the report; a side arriving after the purchase posted is merged when it agrees or what posted is the winner,
/// else <c>CARD_EXPENSE_CONFLICT</c>; an uncoded charge waits for the line that documents it.
/// </summary>
public sealed class ModelRun(AcceptanceDataset data, ModelPolicy policy, DateOnly today)
{
    private sealed record Approval(ModelRecord Record, ModelLine Line, ModelVerdict Verdict);

    private readonly HashSet<string> dedupe = [];
    private readonly List<ModelRecord> waiting = [];
    private readonly Dictionary<string, Approval> posted = [];
    private readonly Dictionary<string, Approval> cardWaits = [];
    private readonly Dictionary<string, ModelRecord> holds = [];
    private DateOnly today = today;

    /// <summary>Outcomes so far, per record (a record waiting or held has none yet).</summary>
    public Dictionary<ModelRecord, ModelOutcome> Outcomes { get; } = [];

    /// <summary>The counters the expense topology exports, by metric name and label(s), e.g. <c>lines/approved</c>, <c>purchases/card/merged</c>.</summary>
    public SortedDictionary<string, int> Counters { get; } = new(StringComparer.Ordinal);

    /// <summary>Signed journal amounts of everything posted.</summary>
    public Dictionary<ModelJournalKey, decimal> Journals { get; } = [];

    /// <summary>The arrival of phase <paramref name="phase"/>: its master data (waiting lines are judged again), then its files in order.</summary>
    public void Phase(int phase)
    {
        data.ApplyMasterData(phase);
        ReleaseWaiting(expired: false);
        foreach (var record in data.Records.Where(r => r.Phase == phase))
        {
            if (record.Line is not { } line)
                Outcomes[record] = new ModelOutcome(record, ModelOutcomeKind.IngestDeadLettered, record.IngestReason);
            else if (line.IsCard && !line.Coded)
                Charge(record, line);
            else
                Decide(record, line);
        }
    }

    /// <summary><c>Expenses:CardSpend:ReportLineWait</c> passes: coded cards still waiting for their report line post.</summary>
    public void ReportLineWaitPasses()
    {
        foreach (var (transaction, card) in cardWaits.ToList())
        {
            cardWaits.Remove(transaction);
            Post(card, transaction, "after the report-line wait");
        }
    }

    /// <summary>The master-data wait horizon and the card documentation horizon pass (a day later): what still waits is dead-lettered.</summary>
    public void HorizonsPass()
    {
        today = today.AddDays(1);
        ReleaseWaiting(expired: true);
        foreach (var (transaction, record) in holds.ToList())
        {
            holds.Remove(transaction);
            Count("cards/undocumented");
            Outcomes[record] = new ModelOutcome(record, ModelOutcomeKind.DeadLettered, "UNDOCUMENTED_CARD_CHARGE", ["UNDOCUMENTED_CARD_CHARGE"], Stage: "at the documentation horizon");
        }
    }

    private void Decide(ModelRecord record, ModelLine line)
    {
        if (!dedupe.Add(line.Key))
        {
            Count("lines/duplicate");
            Outcomes[record] = new ModelOutcome(record, ModelOutcomeKind.Duplicate);
            return;
        }
        var verdict = ModelRules.Evaluate(line, data.MasterData, today, policy);
        if (verdict.Waits)
        {
            Count("lines/held");
            waiting.Add(record);
        }
        else
            Decided(record, line, verdict, "at once");
    }

    private void ReleaseWaiting(bool expired)
    {
        foreach (var record in waiting.ToList())
        {
            var verdict = ModelRules.Evaluate(record.Line!, data.MasterData, today, policy);
            if (verdict.Waits && !expired)
                continue;
            waiting.Remove(record);
            Count("lines/released");
            Decided(record, record.Line!, verdict, expired ? "at the master-data horizon" : "after master data arrived");
        }
    }

    private void Decided(ModelRecord record, ModelLine line, ModelVerdict verdict, string stage)
    {
        if (!verdict.Approved)
        {
            Count("lines/dead_lettered");
            Outcomes[record] = new ModelOutcome(record, ModelOutcomeKind.DeadLettered, verdict.Violations[0].Code, [.. verdict.Violations.Select(v => v.Code)], verdict, stage);
            return;
        }
        Count("lines/approved");
        var approval = new Approval(record, line, verdict);
        if (line.TransactionId is not { } transaction)
            Post(approval, null, stage);
        else if (line.IsCard)
            CodedCard(approval, transaction, stage);
        else
            ReportLine(approval, transaction, stage);
    }

    private void ReportLine(Approval line, string transaction, string stage)
    {
        if (posted.TryGetValue(transaction, out var done))
        {
            if (!done.Line.IsCard)
                Conflict(line, "report_line");
            else if (Agree(done, line) || policy.CardWins.Contains(done.Line.Source))
                Merge(line, "report_line");
            else
                Conflict(line, "report_line");
            return;
        }
        if (cardWaits.Remove(transaction, out var card))
            Merge(card, "card");
        else if (holds.Remove(transaction, out var charge))
        {
            Count("cards/documented");
            Outcomes[charge] = new ModelOutcome(charge, ModelOutcomeKind.Merged, Stage: "documented by its report line");
        }
        Post(line, transaction, stage);
    }

    private void CodedCard(Approval card, string transaction, string stage)
    {
        if (posted.TryGetValue(transaction, out var done))
        {
            if (done.Line.IsCard ? !Agree(done, card) : !(Agree(done, card) || !policy.CardWins.Contains(card.Line.Source)))
                Conflict(card, "card");
            else if (done.Line.IsCard)
                Count("purchases/card/duplicate");
            else
                Merge(card, "card");
        }
        else if (policy.CardWins.Contains(card.Line.Source))
            Post(card, transaction, stage);
        else
        {
            cardWaits[transaction] = card;
            Count("purchases/card/waiting");
        }
    }

    private void Charge(ModelRecord record, ModelLine line)
    {
        var transaction = line.TransactionId!;
        if (posted.TryGetValue(transaction, out var done))
        {
            Count(done.Line.IsCard ? "cards/duplicate" : "cards/documented");
            Outcomes[record] = new ModelOutcome(record, done.Line.IsCard ? ModelOutcomeKind.Duplicate : ModelOutcomeKind.Merged, Stage: "documented by its report line");
        }
        else if (cardWaits.ContainsKey(transaction) || holds.ContainsKey(transaction))
        {
            Count("cards/duplicate");
            Outcomes[record] = new ModelOutcome(record, ModelOutcomeKind.Duplicate);
        }
        else
        {
            holds[transaction] = record;
            Count("cards/held");
        }
    }

    /// <summary>Amount in the transaction currency and the coding as approved (cost center, project, GL account).</summary>
    private static bool Agree(Approval a, Approval b) =>
        (a.Line.Amount, a.Line.Currency, a.Verdict.CostCenter, a.Line.Project, a.Verdict.GlAccount) == (b.Line.Amount, b.Line.Currency, b.Verdict.CostCenter, b.Line.Project, b.Verdict.GlAccount);

    private void Merge(Approval side, string label)
    {
        Count($"purchases/{label}/merged");
        Outcomes[side.Record] = new ModelOutcome(side.Record, ModelOutcomeKind.Merged, Verdict: side.Verdict, Stage: "the other side posted");
    }

    private void Conflict(Approval side, string label)
    {
        Count($"purchases/{label}/conflict");
        Outcomes[side.Record] = new ModelOutcome(side.Record, ModelOutcomeKind.DeadLettered, "CARD_EXPENSE_CONFLICT", ["CARD_EXPENSE_CONFLICT"], side.Verdict);
    }

    /// <summary>Posts <paramref name="approval"/>: its contributions to the booking entity and, intercompany, to the employee's entity.</summary>
    private void Post(Approval approval, string? transaction, string stage)
    {
        if (transaction is not null)
        {
            posted[transaction] = approval;
            Count($"purchases/{(approval.Line.IsCard ? "card" : "report_line")}/posted");
        }
        Outcomes[approval.Record] = new ModelOutcome(approval.Record, ModelOutcomeKind.Posted, Verdict: approval.Verdict, Stage: stage);
        var v = approval.Verdict;
        var settlement = transaction is null ? "2100" : "2150";
        var (year, period) = (v.Period!.Year, v.Period.Number);
        Add(new(v.Entity!, v.Currency!, year, period, v.GlAccount!, v.CostCenter, approval.Line.Project, v.TaxCode, null), v.Amount);
        if (v.EmployeeEntity is null)
        {
            Add(new(v.Entity!, v.Currency!, year, period, settlement, null, null, null, null), -v.Amount);
            return;
        }
        Add(new(v.Entity!, v.Currency!, year, period, "2300", null, null, null, v.EmployeeEntity), -v.Amount);
        Add(new(v.EmployeeEntity, v.EmployeeCurrency!, year, period, "1300", null, null, null, v.Entity), v.EmployeeAmount!.Value);
        Add(new(v.EmployeeEntity, v.EmployeeCurrency!, year, period, settlement, null, null, null, null), -v.EmployeeAmount.Value);
    }

    private void Add(ModelJournalKey key, decimal amount) => Journals[key] = Journals.GetValueOrDefault(key) + amount;

    private void Count(string counter) => Counters[counter] = Counters.GetValueOrDefault(counter) + 1;
}
