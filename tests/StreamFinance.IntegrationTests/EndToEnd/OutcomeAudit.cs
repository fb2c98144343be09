using System.Globalization;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.IntegrationTests.Processes;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.IntegrationTests.EndToEnd;

/// <summary>
/// Reads what a <see cref="FileDropPipeline"/> wrote (<c>ingest.expenses</c>, <c>expense.approved</c>, <c>dlq.expenses</c>,
/// its connectors' <c>dlq.ingest</c> letters, <c>erp.journal-postings</c>) and checks it against the planned outcome of
/// every line dropped (<see cref="PlannedExpense"/>):
/// <list type="bullet">
/// <item>connectors: every mappable line produced, under its own idempotency key only, and nothing else produced;</item>
/// <item>nothing lost: every line approved, dead-lettered by the expense topology, dead-lettered by its connector
/// (by file and line), held for master data (the gauge of held lines, when given, equal to the lines planned held) or
/// dropped as a re-delivery, as planned, and each dead-lettered once and approved once (but for the repeat below);</item>
/// <item>nothing posted twice: each (entity, expense) in exactly one journal, and a reconciliation id repeated only with
/// the same content, whatever was killed when;</item>
/// <item>every journal balanced, its control totals equal to its lines;</item>
/// <item>totals conserved: each approval carries its line's amount, and per entity and currency the journals' debits
/// equal the approved functional amounts (expense debits, no partner) plus the intercompany amounts of the employee's
/// entity (due-from debits, partner = booking entity), as <c>PostingContributions</c> splits them.</item>
/// </list>
/// </summary>
/// <remarks>
/// One repeat is allowed, and counted (<see cref="OutcomeAuditResult.DecisionsRedone"/>): a line approved or
/// dead-lettered again with the same decision (the approval's amounts, accounts and period; the dead letter's reason and input). That is a redo: the line's input was read again from the
/// last committed offset (after a kill; after any restart on the embedded broker, which keeps no offsets committed in
/// transactions) while its dedupe entry had been kept, and the expense topology decides a redo again, as of its first
/// decision time, instead of dropping it (its first outputs may have been lost; see the README's *Redo versus
/// re-delivery*). The posting topology keeps the expense in one journal, which the audit requires. A repeat with other
/// content is a violation.
/// </remarks>
public static class OutcomeAudit
{
    /// <summary>
    /// Audits again every second until nothing is violated (every outcome reached, every invariant holding) and returns
    /// that audit; fails with the last audit's violations and <paramref name="process"/>'s output after <paramref name="patience"/>.
    /// </summary>
    /// <param name="pipeline">The pipeline whose topics are read.</param>
    /// <param name="files">Every file dropped so far.</param>
    /// <param name="process">The running pipeline process, whose exit ends the wait and whose output a failure shows.</param>
    /// <param name="patience">How long to keep auditing.</param>
    /// <param name="heldNow">Reads the lines held now (<c>streamfinance_records_held{hold="expense.md-waits"}</c>); null to leave holds unchecked.</param>
    public static OutcomeAuditResult WaitUntilClean(FileDropPipeline pipeline, IReadOnlyList<VendorFile> files, StreamFinanceProcess process, TimeSpan patience,
        Func<double?>? heldNow = null) =>
        Wait.UntilNoneMissing("every line's outcome with every invariant holding", patience, () => Read(pipeline, files, heldNow),
            audit => audit.Violations.Count == 0 ? null : string.Join(Environment.NewLine, audit.Violations), TimeSpan.FromSeconds(1),
            stopped: () => process.HasExited ? "the pipeline process exited" : null,
            detail: () => $"Output:{Environment.NewLine}{process.Tail()}");

    /// <summary>Reads the topics once and returns the counts and every violation found (none when all holds).</summary>
    /// <param name="pipeline">The pipeline whose topics are read.</param>
    /// <param name="files">Every file dropped so far.</param>
    /// <param name="heldNow">Reads the lines held now; null to leave holds unchecked.</param>
    public static OutcomeAuditResult Read(FileDropPipeline pipeline, IReadOnlyList<VendorFile> files, Func<double?>? heldNow = null)
    {
        var lines = files.SelectMany(f => f.Lines).ToList();
        var approvedLines = lines.Where(l => l.Outcome == PlannedOutcome.Approved).ToDictionary(l => l.IdempotencyKey);
        var rejectedKeys = lines.Where(l => l.Outcome == PlannedOutcome.ExpenseDeadLetter).Select(l => l.IdempotencyKey).ToHashSet();
        var heldKeys = lines.Where(l => l.Outcome == PlannedOutcome.Held).Select(l => l.IdempotencyKey).ToHashSet();
        var mappableKeys = lines.Where(l => l.Outcome != PlannedOutcome.IngestDeadLetter).Select(l => l.IdempotencyKey).ToHashSet();
        var unmappable = files.SelectMany(f => f.Lines.Select((l, i) => (f.FileName, Line: i + 1L, l.Outcome)))
            .Where(l => l.Outcome == PlannedOutcome.IngestDeadLetter).Select(l => $"{l.FileName}:{l.Line}").ToHashSet();
        var postings = ExpectedPostings(approvedLines.Values);

        var ingested = pipeline.Read(Topics.Expenses);
        var approved = pipeline.Read(Topics.ApprovedExpenses);
        var rejected = pipeline.Read(Topics.ExpenseDeadLetters);
        var ingestLetters = pipeline.Read(Topics.IngestDeadLetters)
            .Where(d => d.processor.StartsWith($"connector.{pipeline.Name}-", StringComparison.Ordinal)).ToList();
        var journals = pipeline.Read(Topics.JournalPostings);

        var violations = new List<string>();
        void Check(bool holds, string violation)
        {
            if (!holds)
                violations.Add(violation);
        }

        // Connectors: each source line under one idempotency key, nothing lost, nothing invented.
        var keysPerSource = ingested.GroupBy(e => $"{e.envelope.sourceSystem}/{e.envelope.sourceId}").Where(g => g.Select(e => e.envelope.idempotencyKey).Distinct().Count() > 1).ToList();
        Check(keysPerSource.Count == 0, $"source lines produced under two idempotency keys: {Some(keysPerSource.Select(g => g.Key))}");
        var ingestedKeys = ingested.Select(e => e.envelope.idempotencyKey).ToHashSet();
        Check(mappableKeys.IsSubsetOf(ingestedKeys), $"lines the connectors never produced: {Some(mappableKeys.Except(ingestedKeys))}");
        Check(ingestedKeys.IsSubsetOf(mappableKeys), $"records produced that no line planned: {Some(ingestedKeys.Except(mappableKeys))}");
        var ingestLetterOrigins = ingestLetters.Select(d => $"{d.originFile}:{d.originLine}").ToList();
        Check(unmappable.SetEquals(ingestLetterOrigins), $"connector dead letters by file:line differ; missing {Some(unmappable.Except(ingestLetterOrigins))}, unplanned {Some(ingestLetterOrigins.Except(unmappable))}");

        // Nothing lost, nothing decided twice.
        var approvedKeys = approved.Select(a => a.envelope.idempotencyKey).ToList();
        var lost = approvedLines.Keys.Except(approvedKeys).Concat(rejectedKeys.Except(rejected.Select(d => d.idempotencyKey ?? ""))).ToList();
        Check(lost.Count == 0, $"lines with no outcome (lost): {Some(lost)}");
        Check(approvedKeys.ToHashSet().IsSubsetOf(approvedLines.Keys), $"approvals of lines not planned to be approved: {Some(approvedKeys.Except(approvedLines.Keys))}");
        var rejectedSeen = rejected.Select(d => d.idempotencyKey ?? "").ToList();
        Check(rejectedSeen.ToHashSet().IsSubsetOf(rejectedKeys), $"dead letters of lines not planned to be rejected: {Some(rejectedSeen.Except(rejectedKeys))}");
        // A line decided again from its re-read input with the same content is a redo (see the remarks): counted, and it
        // must still post once. Another content is a second decision.
        var redone = 0;
        var approvedTwice = new List<string>();
        foreach (var twice in approved.GroupBy(a => a.envelope.idempotencyKey).Where(g => g.Count() > 1))
        {
            if (twice.Select(ApprovalContent).Distinct().Count() == 1)
                redone += twice.Count() - 1;
            else
                approvedTwice.Add($"{twice.Key} (approved {string.Join(", ", twice.Select(a => a.envelope.eventTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)))}, with different content)");
        }
        Check(approvedTwice.Count == 0, $"lines approved more than once: {Some(approvedTwice)}");
        var rejectedTwice = new List<string>();
        foreach (var twice in rejected.GroupBy(d => d.idempotencyKey ?? "").Where(g => g.Count() > 1))
        {
            if (twice.Select(DeadLetterContent).Distinct().Count() == 1)
                redone += twice.Count() - 1;
            else
                rejectedTwice.Add($"{twice.Key} (with different content)");
        }
        Check(rejectedTwice.Count == 0, $"lines dead-lettered more than once: {Some(rejectedTwice)}");
        var ingestLetterTwice = Repeated(ingestLetterOrigins);
        Check(ingestLetterTwice.Count == 0, $"unmappable lines dead-lettered more than once: {Some(ingestLetterTwice)}");
        // Lines held for master data: neither approved nor dead-lettered (checked above), and counted by the hold gauge.
        var held = heldNow?.Invoke();
        Check(heldNow is null || held == heldKeys.Count, $"{held?.ToString(CultureInfo.InvariantCulture) ?? "no"} line(s) held for master data, {heldKeys.Count} planned");

        // Approvals carry their line's amount: what entered is what is posted.
        foreach (var approval in approved.Where(a => approvedLines.ContainsKey(a.envelope.idempotencyKey)))
        {
            var line = approvedLines[approval.envelope.idempotencyKey];
            Check(approval.expense.amount.ToDecimal() == line.Amount && approval.expense.amount.currency == line.Currency && approval.legalEntityId == line.BookingEntityId,
                $"approval {line.Id} carries {approval.expense.amount.ToDecimal()} {approval.expense.amount.currency} in {approval.legalEntityId}, the line {line.Amount} {line.Currency} in {line.BookingEntityId}");
        }

        // Journals: one content per reconciliation id, whatever was killed when; a repeat with the same content is what
        // an ERP deduplicates by id. envelope.ingestTime is when the window was closed.
        var byId = journals.GroupBy(j => j.reconciliationId).ToList();
        var contentConflicts = new List<string>();
        var distinctJournals = new List<JournalEntry>();
        foreach (var versions in byId)
        {
            var distinct = versions.DistinctBy(Content).ToList();
            distinctJournals.AddRange(distinct);
            foreach (var (earlier, later) in distinct.Zip(distinct.Skip(1)))
                contentConflicts.Add($"{versions.Key} (closed {earlier.envelope.ingestTime:HH:mm:ss.fff} with {Sources(earlier)}, again {later.envelope.ingestTime:HH:mm:ss.fff} with {Sources(later)})");
        }
        Check(contentConflicts.Count == 0, $"reconciliation ids with two different contents: {Some(contentConflicts)}");
        var posted = distinctJournals.SelectMany(j => j.lines.SelectMany(l => l.sourceIds).Distinct().Select(id => $"{j.legalEntityId}/{id}")).ToList();
        var doublePosted = Repeated(posted);
        Check(doublePosted.Count == 0, $"expenses in two journals of one entity (double-posted): {Some(doublePosted)}");
        Check(postings.SetEquals(posted), $"postings differ from the plan; not posted {Some(postings.Except(posted))}, unplanned {Some(posted.Except(postings))}");
        var unbalanced = distinctJournals.Where(j => !Balanced(j)).Select(j => j.reconciliationId).ToList();
        Check(unbalanced.Count == 0, $"unbalanced journals (debits, credits and control totals differ): {Some(unbalanced)}");

        // Totals conserved per entity and currency, split as PostingContributions splits an approval.
        var firstApprovals = approved.DistinctBy(a => a.envelope.idempotencyKey).ToList();
        var expected = firstApprovals.Select(a => (Key: $"{a.legalEntityId}/{a.functionalAmount.currency}/expense", Amount: a.functionalAmount.ToDecimal()))
            .Concat(firstApprovals.Where(a => a.employeeEntityId is not null)
                .Select(a => (Key: $"{a.employeeEntityId}/{a.employeeEntityAmount.currency}/due-from", Amount: a.employeeEntityAmount.ToDecimal())));
        var actual = distinctJournals.SelectMany(j => j.lines.Where(l => l.side == JournalSide.DEBIT)
            .Select(l => (Key: $"{j.legalEntityId}/{j.currency}/{(l.intercompanyPartnerEntityId is null ? "expense" : "due-from")}", Amount: l.amount.ToDecimal())));
        var expectedTotals = Totals(expected);
        var actualTotals = Totals(actual);
        Check(expectedTotals.SequenceEqual(actualTotals), $"debit totals differ from approved totals: approved [{Show(expectedTotals)}], journals [{Show(actualTotals)}]");

        return new OutcomeAuditResult(
            Inputs: lines.Count,
            Ingested: ingested.Count,
            Approved: approvedKeys.Distinct().Count(),
            ExpenseDeadLetters: rejectedSeen.Distinct().Count(),
            IngestDeadLetters: ingestLetterOrigins.Distinct().Count(),
            Held: heldNow is null ? null : (int?)held,
            Journals: byId.Count,
            JournalRepeats: journals.Count - distinctJournals.Count,
            DecisionsRedone: redone,
            DuplicatesAbsorbed: ingested.Count - ingestedKeys.Count,
            Lost: lost.Count,
            DoublePosted: doublePosted.Count + approvedTwice.Count,
            TwoContents: contentConflicts.Count,
            Unbalanced: unbalanced.Count,
            Violations: violations);
    }

    /// <summary>Every (entity, expense id) the plan posts: the booking entity, and the employee's entity of an intercompany line.</summary>
    public static HashSet<string> ExpectedPostings(IEnumerable<PlannedExpense> approvedLines)
    {
        var distinct = approvedLines.DistinctBy(l => l.Id).ToList();
        return distinct.Select(l => $"{l.BookingEntityId}/{l.Id}")
            .Concat(distinct.Where(l => l.ChargedEntityId is not null).Select(l => $"{l.EntityId}/{l.Id}"))
            .ToHashSet();
    }

    /// <summary>Debits equal credits and both control totals, and the journal posts something.</summary>
    private static bool Balanced(JournalEntry journal)
    {
        var debit = journal.lines.Where(l => l.side == JournalSide.DEBIT).Sum(l => l.amount.ToDecimal());
        var credit = journal.lines.Where(l => l.side == JournalSide.CREDIT).Sum(l => l.amount.ToDecimal());
        return debit == credit && debit > 0 && journal.totalDebit.ToDecimal() == debit && journal.totalCredit.ToDecimal() == credit
            && journal.lineCount == journal.lines.Count;
    }

    /// <summary>What an approval says to the posting topology, without the envelope's processing times: equal for a line approved twice from the same input.</summary>
    // The decision, as for approvals: reason and the input it was about (a redo after the wait horizon decides anew).
    private static string DeadLetterContent(DeadLetter d) => string.Join('|', d.reasonCode, d.originTopic, Convert.ToHexString(d.rawValue ?? []));

    private static string ApprovalContent(ApprovedExpense a) => string.Join('|',
        a.legalEntityId, a.functionalAmount.ToDecimal(), a.functionalAmount.currency, a.glAccountId, a.costCenterId, a.projectId, a.taxCodeId,
        a.fiscalYear, a.periodNumber, a.employeeEntityId, a.employeeEntityAmount?.ToDecimal(), a.expense.amount.ToDecimal(), a.expense.amount.currency);

    /// <summary>What a journal says to the ERP, without the envelope's processing times: equal for a journal emitted twice.</summary>
    private static string Content(JournalEntry j) => string.Join('|',
        j.legalEntityId, j.currency, j.postingDate.ToString("O", CultureInfo.InvariantCulture), j.fiscalYear, j.periodNumber,
        j.windowStart.ToString("O", CultureInfo.InvariantCulture), j.windowEnd.ToString("O", CultureInfo.InvariantCulture),
        j.totalDebit.ToDecimal(), j.totalCredit.ToDecimal(), j.lineCount,
        string.Join(';', j.lines.Select(l => $"{l.lineNumber},{l.side},{l.glAccountId},{l.costCenterId},{l.projectId},{l.taxCodeId},{l.intercompanyPartnerEntityId},{l.amount.ToDecimal()},{string.Join(' ', l.sourceIds)}")));

    private static string Sources(JournalEntry journal) =>
        $"[{string.Join(" ", journal.lines.SelectMany(l => l.sourceIds).Distinct().Order(StringComparer.Ordinal))}]";

    private static SortedDictionary<string, decimal> Totals(IEnumerable<(string Key, decimal Amount)> amounts) =>
        new(amounts.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Sum(a => a.Amount)), StringComparer.Ordinal);

    private static string Show(SortedDictionary<string, decimal> totals) => string.Join(", ", totals.Select(t => $"{t.Key} {t.Value}"));

    private static List<string> Repeated(IEnumerable<string> values) => values.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

    private static string Some(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? "none" : $"{list.Count}: {string.Join(", ", list.Take(10))}";
    }
}
