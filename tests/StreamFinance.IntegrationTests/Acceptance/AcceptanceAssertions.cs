using System.Globalization;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.IntegrationTests.Acceptance.Model;

namespace StreamFinance.IntegrationTests.Acceptance;

/// <summary>The acceptance run's outputs against the model; each check collects every difference before it fails, naming the records' case tags.</summary>
public static class AcceptanceAssertions
{
    /// <summary>Every record accounted for, and every approval and dead letter as the model says.</summary>
    public static void Records(ModelRun model, AcceptanceDataset data, IReadOnlyList<ApprovedExpense> approved, IReadOnlyList<DeadLetter> expenseLetters,
        IReadOnlyList<DeadLetter> ingestLetters, IReadOnlyList<DeadLetter> masterDataLetters)
    {
        var problems = new List<string>();
        var outcomes = model.Outcomes.Values.ToList();
        Assert.Equal(data.Records.Count, outcomes.Count);

        // Posted: each once on expense.approved, with the model's booking, amounts, rate and period.
        var posted = outcomes.Where(o => o.Kind == ModelOutcomeKind.Posted).ToDictionary(o => o.Record.Line!.ExpenseId);
        foreach (var twice in approved.GroupBy(a => a.expense.expenseId).Where(g => g.Count() > 1))
            problems.Add($"{twice.Key} approved {twice.Count()} times");
        foreach (var a in approved.DistinctBy(a => a.expense.expenseId))
        {
            if (!posted.Remove(a.expense.expenseId, out var expected))
            {
                problems.Add($"{a.expense.expenseId} [{Tags(data, a.expense.expenseId)}] was approved; the model says {Says(model, a.expense.expenseId)}");
                continue;
            }
            var v = expected.Verdict!;
            var want = Text(v.Entity, v.Amount, v.Currency, v.Rate, v.RateDate, v.Period!.Id, v.EmployeeEntity, v.EmployeeAmount, v.EmployeeCurrency, v.CostCenter, v.GlAccount, v.TaxCode, expected.Record.Line!.Card is not null);
            var got = Text(a.legalEntityId, a.functionalAmount.ToDecimal(), a.functionalAmount.currency, AvroDecimals.ToDecimal(a.fxRate), DateOnly.FromDateTime(a.fxRateDate),
                a.postingPeriodId, a.employeeEntityId, a.employeeEntityAmount?.ToDecimal(), a.employeeEntityAmount?.currency, a.costCenterId, a.glAccountId, a.taxCodeId, a.isCardCharge);
            if (want != got)
                problems.Add($"{a.expense.expenseId} [{expected.Record.Tags}]: approved {got}, model {want}");
        }
        problems.AddRange(posted.Values.Select(o => $"{o.Record.Line!.ExpenseId} [{o.Record.Tags}] was not approved; the model posts it ({o.Stage})"));

        // Dead letters of the expense topology: the model's reason and every violation, in order.
        var deadLettered = outcomes.Where(o => o.Kind == ModelOutcomeKind.DeadLettered).ToDictionary(o => o.Record.Line!.Key);
        foreach (var letter in expenseLetters)
        {
            var key = letter.idempotencyKey ?? "";
            if (!deadLettered.Remove(key, out var expected))
            {
                problems.Add($"{key} dead-lettered as {letter.reasonCode} ({letter.message}); the model says {Says(model, key)}");
                continue;
            }
            var codes = letter.violations is { Count: > 0 } v ? v.Select(x => x.code) : [letter.reasonCode];
            if (letter.reasonCode != expected.Reason || !codes.SequenceEqual(expected.Codes!))
                problems.Add($"{key} [{expected.Record.Tags}]: {letter.reasonCode} [{string.Join(",", codes)}], model {expected.Reason} [{string.Join(",", expected.Codes!)}] ({letter.message})");
        }
        problems.AddRange(deadLettered.Values.Select(o => $"{o.Record.Line!.Key} [{o.Record.Tags}] was not dead-lettered; the model says {o.Reason} ({o.Stage})"));

        // Connector dead letters: by file and position.
        var ingest = outcomes.Where(o => o.Kind == ModelOutcomeKind.IngestDeadLettered).Select(o => $"{o.Record.File}:{o.Record.Position} {o.Reason}")
            .Concat(data.MasterDataDeadLetters.Where(d => d.Reason == "MAPPING_FAILED").Select(d => $"{d.File} {d.Reason}")).Order(StringComparer.Ordinal);
        var seenIngest = ingestLetters.Select(l => l.originFile!.EndsWith(".csv", StringComparison.Ordinal) ? $"{l.originFile} {l.reasonCode}" : $"{l.originFile}:{l.originLine} {l.reasonCode}").Order(StringComparer.Ordinal);
        if (!ingest.SequenceEqual(seenIngest))
            problems.Add($"connector dead letters {string.Join("; ", seenIngest)}; model {string.Join("; ", ingest)}");
        var masterData = data.MasterDataDeadLetters.Where(d => d.Reason != "MAPPING_FAILED").Select(d => d.Reason).Order(StringComparer.Ordinal);
        if (!masterData.SequenceEqual(masterDataLetters.Select(l => l.reasonCode).Order(StringComparer.Ordinal)))
            problems.Add($"master-data dead letters {string.Join(", ", masterDataLetters.Select(l => $"{l.reasonCode} {l.message}"))}; model {string.Join(", ", masterData)}");

        Assert.True(problems.Count == 0, $"{problems.Count} record(s) differ from the model:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        // Conservation: every record is posted, merged, a duplicate or dead-lettered, once.
        var byKind = outcomes.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(data.Records.Count, byKind.Values.Sum());
        Assert.Equal((byKind.GetValueOrDefault(ModelOutcomeKind.Posted), byKind.GetValueOrDefault(ModelOutcomeKind.DeadLettered)), (approved.Count, expenseLetters.Count));
    }

    /// <summary>Each posted contribution in exactly one journal of its entity; the journals' signed amounts per entity, currency, period and line key equal the model's.</summary>
    public static void Journals(ModelRun model, IReadOnlyList<JournalEntry> journals)
    {
        var posted = model.Outcomes.Values.Where(o => o.Kind == ModelOutcomeKind.Posted).ToList();
        foreach (var o in posted)
        {
            var id = o.Record.Line!.ExpenseId;
            Assert.Single(journals, j => j.legalEntityId == o.Verdict!.Entity && j.lines.Any(l => l.sourceIds.Contains(id)));
            if (o.Verdict!.EmployeeEntity is { } employeeEntity)
                Assert.Single(journals, j => j.legalEntityId == employeeEntity && j.lines.Any(l => l.sourceIds.Contains(id)));
        }
        var seen = new Dictionary<ModelJournalKey, decimal>();
        foreach (var journal in journals)
            foreach (var line in journal.lines)
            {
                var key = new ModelJournalKey(journal.legalEntityId, journal.currency, journal.fiscalYear, journal.periodNumber, line.glAccountId, line.costCenterId,
                    line.projectId, line.taxCodeId, line.intercompanyPartnerEntityId);
                seen[key] = seen.GetValueOrDefault(key) + (line.side == JournalSide.DEBIT ? line.amount.ToDecimal() : -line.amount.ToDecimal());
            }
        var expected = model.Journals.Where(j => j.Value != 0m).OrderBy(j => j.Key.ToString(), StringComparer.Ordinal).Select(j => $"{j.Key}: {j.Value.ToString("0.########", CultureInfo.InvariantCulture)}").ToList();
        var actual = seen.Where(j => j.Value != 0m).OrderBy(j => j.Key.ToString(), StringComparer.Ordinal).Select(j => $"{j.Key}: {j.Value.ToString("0.########", CultureInfo.InvariantCulture)}").ToList();
        Assert.Equal(expected, actual);
        Assert.Contains(model.Journals.Keys, k => k.GlAccount == "1300" && k.Partner is not null);
        Assert.Contains(model.Journals.Keys, k => k.GlAccount == "2300" && k.Partner is not null);
    }

    private static string Text(params object?[] values) =>
        string.Join(" ", values.Select(v => v switch
        {
            null => "-",
            decimal d => d.ToString("0.########", CultureInfo.InvariantCulture),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture),
        }));

    private static string Tags(AcceptanceDataset data, string expenseId) =>
        data.Records.FirstOrDefault(r => r.Line?.ExpenseId == expenseId)?.Tags ?? "?";

    private static string Says(ModelRun model, string idOrKey) =>
        model.Outcomes.Values.Where(o => o.Record.Line?.ExpenseId == idOrKey || o.Record.Line?.Key == idOrKey)
            .Select(o => $"{o.Kind} {o.Reason} ({o.Stage}) [{o.Record.Tags}]").FirstOrDefault() ?? "nothing (no such record)";
}
