using System.Globalization;
using System.Text;
using Avro.Specific;
using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Topologies.Posting;

namespace StreamFinance.Topologies.Tests.Simulation;

/// <summary>
/// What must hold in every simulated run, read from the committed topics (what downstream consumers and the ERP see)
/// and from the stores. After every step:
/// <list type="bullet">
/// <item>an expense line's idempotency key is decided once: approved or dead-lettered, never both, never twice with
/// different records. The same record may be written again, and is counted: by a producer retry, or by a redo under
/// at-least-once (the line read again after a crash is decided again as of its first decision, so its approval or dead
/// letter repeats byte for byte, with the same deterministic event id, and readers take it once);</item>
/// <item>a card transaction is dead-lettered at most once;</item>
/// <item>every journal balances (debits = credits = its control totals, one currency, amounts at the currency's minor
/// unit), and a reconciliation id written again carries the same content;</item>
/// <item>an expense id is in at most one journal per entity and currency, and a journal holds only committed approvals,
/// with a total equal to their contributions;</item>
/// <item>no expense id is both in a committed journal and open in a posting window;</item>
/// <item>an approval, when it is decided, agrees with the master data the expense application had read by then: the
/// employee exists and the cost center is active on the transaction date in the booking entity. Master data that
/// arrives later (a cost center closed after the approval) does not make it wrong: the oracle knows what the topology
/// could know, and counts such approvals instead; and its functional amount is the line's amount in the booking
/// entity's currency at the rate it carries (1 in the same currency), rounded to the minor unit.</item>
/// </list>
/// After the drain: every expense line sent ends approved or dead-lettered, exactly once; no line waits; every card
/// transaction is documented by an approved line or dead-lettered once; every contribution of every approval is posted
/// exactly once (or the approval dead-lettered by posting), none open; amounts reconcile per entity and currency.
/// </summary>
internal sealed class SimulationInvariants(SimSerDes serDes, SimBroker broker, SimulatedApp expenses, SimulatedApp posting)
{
    private readonly Dictionary<string, ExpenseLine> lines = new(StringComparer.Ordinal);
    private readonly HashSet<string> cards = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApprovedExpense> approved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> approvedBytes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApprovedExpense> approvedByExpenseId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> deadLetteredLines = new(StringComparer.Ordinal);
    private readonly HashSet<string> deadLetteredCards = new(StringComparer.Ordinal);
    private readonly HashSet<string> deadLetteredByPosting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> journals = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Entity, string Currency, string ExpenseId), string> placements = [];
    private readonly Dictionary<(string Entity, string Currency), decimal> postedTotals = [];
    private readonly List<(string Key, MasterDataHistory History)> history = [];
    private int approvedRead, deadLettersRead, journalsRead, records, redeliveries, duplicates, journalWrites, late, decisionsChecked, rewrittenApprovals, rewrittenDeadLetters;

    public void Sent(SourceRecord record)
    {
        records++;
        if (record.Description.EndsWith("(re-delivered)", StringComparison.Ordinal))
            redeliveries++;
        if (record.Description.EndsWith("(duplicate, new event id)", StringComparison.Ordinal))
            duplicates++;
        if (record.Value is ExpenseLine line)
            lines.TryAdd(line.envelope.idempotencyKey, line);
        if (record.Value is CardTransaction card)
            cards.Add(card.transactionId);
    }

    /// <summary>An approval as the expense application writes it (committed or not): checked against what it had read of <c>md.history</c>.</summary>
    public void DecidedByExpenses(string topic, SimRecord record)
    {
        if (topic != Topics.ApprovedExpenses.Name)
            return;
        var approval = Read<ApprovedExpense>(topic, record);
        var line = approval.expense;
        var date = DateOnly.FromDateTime(line.transactionDate);
        ReadHistory();
        var view = history.Take(expenses.GlobalPosition).ToList();
        if (VersionAt<Employee>(view, MasterDataObjectType.EMPLOYEE, line.employeeId, date) is null)
            throw new InvariantBroken($"{line.expenseId} was approved, but employee {line.employeeId} was not in the master data read by then.");
        var center = VersionAt<CostCenter>(view, MasterDataObjectType.COST_CENTER, approval.costCenterId, date);
        if (center is not { status: CostCenterStatus.ACTIVE } || center.legalEntityId != approval.legalEntityId)
            throw new InvariantBroken(
                $"{line.expenseId} was approved on cost center {approval.costCenterId} of {approval.legalEntityId} for {date:yyyy-MM-dd}, but the master data read by then says {(center is null ? "no such cost center" : $"{center.status} in {center.legalEntityId}")}.");
        var functional = SimWorld.CurrencyOf(approval.legalEntityId);
        var amount = line.amount.ToDecimal();
        var rate = Contracts.AvroDecimals.ToDecimal(approval.fxRate);
        var expected = line.amount.currency == functional ? amount : Math.Round(amount * rate, SimWorld.MinorUnits(functional), MidpointRounding.AwayFromZero);
        if (approval.functionalAmount.currency != functional || approval.functionalAmount.ToDecimal() != expected || (line.amount.currency == functional && rate != 1m))
            throw new InvariantBroken(
                $"{line.expenseId}: {amount} {line.amount.currency} at rate {rate} was approved as {approval.functionalAmount.ToDecimal()} {approval.functionalAmount.currency}; expected {expected} {functional}.");
        if (approval.employeeEntityId is { } employeeEntity && approval.employeeEntityAmount?.currency != SimWorld.CurrencyOf(employeeEntity))
            throw new InvariantBroken($"{line.expenseId} is intercompany with {employeeEntity} but its amount there is in {approval.employeeEntityAmount?.currency}.");
        decisionsChecked++;
    }

    public void AfterStep()
    {
        foreach (var record in Unread(Topics.ApprovedExpenses.Name, ref approvedRead))
        {
            var approval = Read<ApprovedExpense>(Topics.ApprovedExpenses.Name, record);
            var key = approval.envelope.idempotencyKey;
            if (approvedBytes.TryGetValue(key, out var earlier))
            {
                // The same record again (a producer retry, a redo) is harmless downstream; a second decision is not.
                if (!earlier.AsSpan().SequenceEqual(record.Value))
                    throw new InvariantBroken($"{key} was approved twice, with different records.");
                rewrittenApprovals++;
                continue;
            }
            approvedBytes[key] = record.Value;
            approved[key] = approval;
            if (deadLetteredLines.ContainsKey(key))
                throw new InvariantBroken($"{key} was approved and dead-lettered.");
            approvedByExpenseId[approval.expense.expenseId] = approval;
        }
        foreach (var record in Unread(Topics.ExpenseDeadLetters.Name, ref deadLettersRead))
            DeadLettered(Read<DeadLetter>(Topics.ExpenseDeadLetters.Name, record), record.Value);
        foreach (var record in Unread(Topics.JournalPostings.Name, ref journalsRead))
            Journal(Encoding.UTF8.GetString(record.Key), Read<JournalEntry>(Topics.JournalPostings.Name, record));
        foreach (var entry in posting.Store<ApprovedExpense>(PostingNames.OpenExpensesStore).All())
        {
            var (_, entity, currency, expenseId) = PostingKeys.ParseOpenExpense(entry.Key);
            if (placements.TryGetValue((entity, currency, expenseId), out var journal))
                throw new InvariantBroken($"{expenseId} is open in a posting window of {entity} {currency} but already posted in journal {journal}.");
        }
    }

    public void AfterDrain()
    {
        foreach (var key in lines.Keys.Where(k => !approved.ContainsKey(k) && !deadLetteredLines.ContainsKey(k)))
            throw new InvariantBroken($"Expense line {key} was sent but is neither approved nor dead-lettered after the drain (lost).");
        if (expenses.Store<HeldRecord>(ExpenseNames.MasterDataWaitStore).All().FirstOrDefault() is { Key: { } waiting })
            throw new InvariantBroken($"Expense line {waiting} still waits for master data after the horizon.");
        if (expenses.Store<DeadLetter>(ExpenseNames.CardHoldStore).All().FirstOrDefault() is { Key: { } held })
            throw new InvariantBroken($"Card transaction {held} is still held after the documentation horizon.");
        var documented = approved.Values.Select(a => a.expense.cardTransactionId).Where(c => !string.IsNullOrEmpty(c)).ToHashSet(StringComparer.Ordinal);
        foreach (var card in cards)
        {
            if (documented.Contains(card) && deadLetteredCards.Contains(card))
                throw new InvariantBroken($"Card transaction {card} was documented by an approved line and dead-lettered as undocumented.");
            if (!documented.Contains(card) && !deadLetteredCards.Contains(card))
                throw new InvariantBroken($"Card transaction {card} is neither documented nor dead-lettered after the drain (lost).");
        }

        var expected = new Dictionary<(string Entity, string Currency), decimal>();
        foreach (var approval in approved.Values.Where(a => !deadLetteredByPosting.Contains(a.expense.expenseId)))
        {
            foreach (var (entity, money) in Contributions(approval))
            {
                if (!placements.ContainsKey((entity, money.currency, approval.expense.expenseId)))
                    throw new InvariantBroken($"{approval.expense.expenseId} was approved but its contribution to {entity} {money.currency} is in no journal after the drain.");
                expected[(entity, money.currency)] = expected.GetValueOrDefault((entity, money.currency)) + money.ToDecimal();
            }
        }
        if (posting.Store<ApprovedExpense>(PostingNames.OpenExpensesStore).All().FirstOrDefault() is { Key: { } open })
            throw new InvariantBroken($"{open} is still open in a posting window after the drain.");
        foreach (var (key, total) in postedTotals)
        {
            if (expected.GetValueOrDefault(key) != total)
                throw new InvariantBroken($"Journals of {key.Entity} {key.Currency} total {total}, the approvals they hold {expected.GetValueOrDefault(key)}.");
        }
        if (expected.Keys.Except(postedTotals.Keys).FirstOrDefault() is { Entity: not null } missing)
            throw new InvariantBroken($"Approvals for {missing.Entity} {missing.Currency} total {expected[missing]}, but no journal was posted for them.");
    }

    public SimulationFigures Figures(CrashModel model, int steps, int crashes, int commits, TimeSpan elapsed) => new()
    {
        Seeds = 1, ExactlyOnceSeeds = model == CrashModel.ExactlyOnce ? 1 : 0, OutputsLostSeeds = model == CrashModel.OutputsLost ? 1 : 0, Steps = steps, Records = records, Redeliveries = redeliveries, Duplicates = duplicates,
        Lines = lines.Count, Approved = approved.Count, LinesDeadLettered = deadLetteredLines.Count, Cards = cards.Count, CardsDeadLettered = deadLetteredCards.Count,
        PostingDeadLetters = deadLetteredByPosting.Count, Journals = journals.Count, JournalWrites = journalWrites, LateApprovals = late,
        Crashes = crashes, Commits = commits, DecisionsChecked = decisionsChecked, RewrittenApprovals = rewrittenApprovals, RewrittenDeadLetters = rewrittenDeadLetters, OvertakenByMasterData = Overtaken(), Elapsed = elapsed,
        PostedAmounts = postedTotals.ToDictionary(kv => $"{kv.Key.Entity} {kv.Key.Currency}", kv => kv.Value),
    };

    private int Overtaken()
    {
        // Approvals that the final master data would refuse (cost center inactive on the date): valid when decided.
        ReadHistory();
        return approved.Values.Count(a =>
            VersionAt<CostCenter>(history, MasterDataObjectType.COST_CENTER, a.costCenterId, DateOnly.FromDateTime(a.expense.transactionDate)) is not { status: CostCenterStatus.ACTIVE });
    }

    private void DeadLettered(DeadLetter deadLetter, byte[] bytes)
    {
        if (deadLetter.originTopic == Topics.Expenses.Name)
        {
            var key = deadLetter.idempotencyKey ?? throw new InvariantBroken($"A dead letter of {Encoding.UTF8.GetString(deadLetter.rawKey)} has no idempotency key.");
            if (deadLetteredLines.TryGetValue(key, out var earlier))
            {
                if (!earlier.AsSpan().SequenceEqual(bytes))
                    throw new InvariantBroken($"{key} was dead-lettered twice, with different records.");
                rewrittenDeadLetters++;
                return;
            }
            deadLetteredLines[key] = bytes;
            if (approved.ContainsKey(key))
                throw new InvariantBroken($"{key} was approved and dead-lettered.");
        }
        else if (deadLetter.originTopic == Topics.CardTransactions.Name)
        {
            var card = Encoding.UTF8.GetString(deadLetter.rawKey);
            if (!deadLetteredCards.Add(card))
                throw new InvariantBroken($"Card transaction {card} was dead-lettered twice.");
        }
        else if (deadLetter.originTopic == Topics.ApprovedExpenses.Name)
            deadLetteredByPosting.Add(Encoding.UTF8.GetString(deadLetter.rawKey));
        else
            throw new InvariantBroken($"Unexpected dead letter from {deadLetter.originTopic}: {deadLetter.reasonCode} {deadLetter.message}");
    }

    private void Journal(string key, JournalEntry journal)
    {
        journalWrites++;
        var units = SimWorld.MinorUnits(journal.currency);
        var debit = journal.lines.Where(l => l.side == JournalSide.DEBIT).Sum(l => l.amount.ToDecimal());
        var credit = journal.lines.Where(l => l.side == JournalSide.CREDIT).Sum(l => l.amount.ToDecimal());
        if (key != journal.reconciliationId || debit != credit || debit != journal.totalDebit.ToDecimal() || credit != journal.totalCredit.ToDecimal()
            || journal.lines.Any(l => l.amount.currency != journal.currency || l.amount.ToDecimal() != Math.Round(l.amount.ToDecimal(), units)))
            throw new InvariantBroken($"Journal {journal.reconciliationId} does not balance: debits {debit}, credits {credit}, totals {journal.totalDebit.ToDecimal()}/{journal.totalCredit.ToDecimal()}.");

        var content = Content(journal);
        if (journals.TryGetValue(journal.reconciliationId, out var earlier))
        {
            if (earlier != content)
                throw new InvariantBroken($"Reconciliation id {journal.reconciliationId} was written with two contents:{Environment.NewLine}{earlier}{Environment.NewLine}{content}");
            return;
        }
        journals[journal.reconciliationId] = content;

        var contributions = 0m;
        foreach (var expenseId in journal.lines.SelectMany(l => l.sourceIds).Distinct(StringComparer.Ordinal))
        {
            if (!placements.TryAdd((journal.legalEntityId, journal.currency, expenseId), journal.reconciliationId))
                throw new InvariantBroken($"{expenseId} is in two journals of {journal.legalEntityId} {journal.currency}: {placements[(journal.legalEntityId, journal.currency, expenseId)]} and {journal.reconciliationId}.");
            if (!approvedByExpenseId.TryGetValue(expenseId, out var approval))
                throw new InvariantBroken($"Journal {journal.reconciliationId} holds {expenseId}, which no committed approval carries.");
            contributions += Contributions(approval).Where(c => c.Entity == journal.legalEntityId && c.Money.currency == journal.currency).Sum(c => c.Money.ToDecimal());
            if (new DateTimeOffset(DateTime.SpecifyKind(approval.envelope.eventTime, DateTimeKind.Utc)) < new DateTimeOffset(DateTime.SpecifyKind(journal.windowStart, DateTimeKind.Utc)))
                late++;
        }
        if (contributions != journal.totalDebit.ToDecimal())
            throw new InvariantBroken($"Journal {journal.reconciliationId} totals {journal.totalDebit.ToDecimal()}, the approvals it holds contribute {contributions}.");
        postedTotals[(journal.legalEntityId, journal.currency)] = postedTotals.GetValueOrDefault((journal.legalEntityId, journal.currency)) + debit;
    }

    private static IEnumerable<(string Entity, Money Money)> Contributions(ApprovedExpense approval)
    {
        yield return (approval.legalEntityId, approval.functionalAmount);
        if (approval.employeeEntityId is { } employeeEntity)
            yield return (employeeEntity, approval.employeeEntityAmount);
    }

    private static string Content(JournalEntry journal) =>
        string.Create(CultureInfo.InvariantCulture, $"{journal.legalEntityId} {journal.currency} {journal.fiscalYear}/{journal.periodNumber} {journal.windowStart:O}-{journal.windowEnd:O} ") +
        string.Join("; ", journal.lines.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"{l.lineNumber} {l.side} {l.glAccountId} {l.costCenterId} {l.intercompanyPartnerEntityId} {l.amount.ToDecimal()} [{string.Join(",", l.sourceIds)}]"))) +
        string.Create(CultureInfo.InvariantCulture, $" = {journal.totalDebit.ToDecimal()}/{journal.totalCredit.ToDecimal()}");

    private void ReadHistory()
    {
        var log = broker.Topic(Topics.MasterDataHistory.Name);
        for (var i = history.Count; i < log.Count; i++)
            history.Add((Encoding.UTF8.GetString(log[i].Key), Read<MasterDataHistory>(Topics.MasterDataHistory.Name, log[i])));
    }

    /// <summary>The version in force on <paramref name="date"/> of the object's latest history among <paramref name="view"/>.</summary>
    private static T? VersionAt<T>(IReadOnlyList<(string Key, MasterDataHistory History)> view, MasterDataObjectType type, string id, DateOnly date) where T : class
    {
        var key = MasterDataKeys.For(type, id);
        for (var i = view.Count - 1; i >= 0; i--)
        {
            if (view[i].Key != key)
                continue;
            var version = view[i].History.versions
                .Where(v => DateOnly.FromDateTime(v.effectiveFrom) <= date)
                .MaxBy(v => v.effectiveFrom);
            return version is { deleted: false } ? version.update.payload as T : null;
        }
        return null;
    }

    private IEnumerable<SimRecord> Unread(string topic, ref int read)
    {
        var log = broker.Topic(topic);
        var fresh = log.Skip(read).ToList();
        read = log.Count;
        return fresh;
    }

    private T Read<T>(string topic, SimRecord record) where T : class, ISpecificRecord => serDes.Deserialize<T>(topic, record);
}
