using System.Security.Cryptography;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;
using StreamFinance.Topologies.Tests.Expenses;
using StreamFinance.Topologies.Tests.Posting;
using static StreamFinance.Topologies.Tests.Expenses.ExpenseWorld;

namespace StreamFinance.Topologies.Tests.Audit;

/// <summary>Every decision of the expense and posting topologies goes to <c>audit.emitted</c> with the record it decided on.</summary>
public sealed class ExpenseAuditTests
{
    [Fact]
    public void An_approved_line_is_recorded_with_its_origin_source_time_masked_snapshot_and_the_hash_of_the_bytes_written()
    {
        using var driver = new ExpenseDriver();
        var line = Expense("EXP-1");
        driver.Send(line);

        var approved = driver.ApprovedOne();
        var audit = Assert.Single(driver.Audit());
        Assert.Equal((AuditSteps.Approved, AuditOutcome.SUCCEEDED, "EXP-1", line.envelope.correlationId), (audit.step, audit.outcome, audit.businessId, audit.correlationId));
        Assert.Equal(("expense", AuditEventFactory.ProductVersion, 1), (audit.component, audit.componentVersion, audit.attempt));
        Assert.Equal((Topics.Expenses.Name, 0, 0L), (audit.topic, audit.partition, audit.offset));
        Assert.Equal(line.envelope.eventTime, audit.sourceTime);
        Assert.Equal(driver.Clock.GetUtcNow().UtcDateTime, audit.occurredAt);
        Assert.Equal(typeof(ApprovedExpense).FullName, audit.payloadType);
        Assert.Contains("\"expenseId\":\"EXP-1\"", audit.payloadSnapshot);
        // The hash is of the approved record's Avro encoding: its bytes on expense.approved after the 5-byte prefix.
        var written = driver.Bytes(Topics.ApprovedExpenses, approved);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(written.AsSpan(5))), audit.payloadSha256);
        Assert.Equal((0L, null, null), (audit.sequence, audit.previousHash, audit.hash));
    }

    [Fact]
    public void A_dead_lettered_line_is_recorded_with_its_reason_and_its_re_delivery_as_deduplicated()
    {
        using var driver = new ExpenseDriver();
        var line = Expense("EXP-2", costCenter: "CC-1042");
        driver.Send(line);
        driver.Send(line);

        var deadLetter = driver.DeadLetterOne();
        var audits = driver.Audit();
        Assert.Equal([AuditSteps.DeadLettered, AuditSteps.Deduplicated], audits.Select(a => a.step));
        var dead = audits[0];
        Assert.Equal((AuditOutcome.DEAD_LETTERED, "INACTIVE_COST_CENTER", "EXP-2", 0L), (dead.outcome, dead.reason, dead.businessId, dead.offset));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(deadLetter.rawValue)), dead.payloadSha256);
        Assert.Contains("inactive", dead.payloadSnapshot, StringComparison.OrdinalIgnoreCase);
        var duplicate = audits[1];
        Assert.Equal((AuditOutcome.DUPLICATE_IGNORED, 1L), (duplicate.outcome, duplicate.offset));
        Assert.Contains("dead-lettered", duplicate.reason);
    }

    [Fact]
    public void A_replayed_dead_letter_is_recorded_as_a_second_attempt_beside_the_first()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-3", costCenter: "CC-1042"));
        var first = driver.DeadLetterOne();

        driver.Replay(first, attempt: 1);

        var audits = driver.Audit().Where(a => a.step == AuditSteps.DeadLettered).ToList();
        Assert.Equal([1, 2], audits.Select(a => a.attempt));
        Assert.Equal(2, audits.Select(a => a.eventId).Distinct().Count());
        Assert.All(audits, a => Assert.Equal("EXP-3", a.businessId));
    }

    [Fact]
    public void A_line_waiting_for_master_data_is_recorded_as_held_with_what_it_waits_for()
    {
        using var driver = new ExpenseDriver();
        driver.Send(Expense("EXP-4", employee: "E-NEW-1"));

        var held = Assert.Single(driver.Audit());
        Assert.Equal((AuditSteps.Held, AuditOutcome.HELD), (held.step, held.outcome));
        Assert.Contains("EMPLOYEE:E-NEW-1", held.reason);
    }

    [Fact]
    public void The_same_record_decided_by_two_instances_repeats_the_same_event_ids_so_readers_take_it_once()
    {
        List<Guid> Decide()
        {
            using var driver = new ExpenseDriver();
            driver.Send(Expense("EXP-5"));
            driver.Send(Expense("EXP-6", costCenter: "CC-1042"));
            return driver.Audit().Select(a => a.eventId).ToList();
        }

        var first = Decide();
        Assert.Equal(2, first.Distinct().Count());
        Assert.Equal(first, Decide());
    }

    [Fact]
    public void A_coded_card_transaction_merged_into_its_report_line_is_recorded_held_then_merged_and_the_line_approved()
    {
        using var driver = new ExpenseDriver();
        var card = CodedCard("T-1");
        driver.Send(card);
        driver.Send(Expense("EXP-7", card: "ramp:T-1"));

        Assert.Equal("EXP-7", driver.ApprovedOne().expense.expenseId);
        var audits = driver.Audit();
        var cardSide = audits.Where(a => a.correlationId == card.envelope.correlationId).ToList();
        Assert.Equal([AuditSteps.Approved, AuditSteps.Held, AuditSteps.Merged], cardSide.Select(a => a.step));
        Assert.All(cardSide, a => Assert.Equal("ramp:T-1", a.businessId));
        Assert.Contains("EXP-7", cardSide[2].relatedIds);
        Assert.Contains("merged into EXP-7", cardSide[2].reason);
        Assert.Single(audits, a => a.businessId == "EXP-7" && a.step == AuditSteps.Approved);
    }

    [Fact]
    public void An_uncoded_card_charge_is_recorded_held_then_merged_when_the_line_documenting_it_arrives()
    {
        using var driver = new ExpenseDriver();
        var card = Card("T-2");
        driver.Send(card);
        driver.Send(Expense("EXP-8", card: "T-2"));

        var charge = driver.Audit().Where(a => a.correlationId == card.envelope.correlationId).ToList();
        Assert.Equal([(AuditSteps.Held, AuditOutcome.HELD), (AuditSteps.Merged, AuditOutcome.SUCCEEDED)], charge.Select(a => (a.step, a.outcome)));
        Assert.Equal(["EXP-8"], charge[1].relatedIds);
        Assert.Equal(Topics.CardTransactions.Name, charge[0].topic);
    }

    [Fact]
    public void Posting_records_each_expense_in_its_journal_with_the_reconciliation_id_and_the_journal_itself_with_its_payload()
    {
        using var driver = new PostingDriver();
        var first = TestApprovedExpenses.Us("E1", 10.25m, TestApprovedExpenses.TenOClock.AddMinutes(5));
        driver.Send(first);
        driver.Send(first);
        driver.Send(TestApprovedExpenses.Us("E2", 1m, TestApprovedExpenses.TenOClock.AddMinutes(75)));

        var (id, journal) = Assert.Single(driver.Journals());
        var audits = driver.Audit();
        Assert.Single(audits, a => a.step == AuditSteps.Deduplicated && a.businessId == "E1");
        var posted = Assert.Single(audits, a => a.step == AuditSteps.Posted && a.businessId == "E1");
        Assert.Equal([id], posted.relatedIds);
        Assert.Equal((id, first.expense.envelope.correlationId), (posted.detail["reconciliationId"], posted.correlationId));
        var journalEvent = Assert.Single(audits, a => a.step == AuditSteps.Posted && a.businessId == id);
        Assert.Equal((id, typeof(JournalEntry).FullName), (journalEvent.correlationId, journalEvent.payloadType));
        Assert.Equal(journal.envelope.correlationId, journalEvent.correlationId);
    }
}
