using System.Text;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Connectors.ErpSink;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Mapping.Outbound;
using StreamFinance.Connectors.Producing;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Embedded.Erp;
using PostingOptions = StreamFinance.Domain.Journals.PostingOptions;
using StreamFinance.Domain.Money;
using StreamFinance.Host.Provisioning;
using StreamFinance.Host.Runtime;
using StreamFinance.IntegrationTests.DeadLetters;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.IntegrationTests.Support;
using StreamFinance.Topologies;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Host.Api.Audit;
using StreamFinance.Host.Audit;
using StreamFinance.Kafka.Audit;
using StreamFinance.Topologies.Audit;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Topologies.Posting;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using StreamFinance.Kafka;
using StreamFinance.Kafka.Observability;
using StreamFinance.TestSupport.Files;

namespace StreamFinance.IntegrationTests.EndToEnd;

/// <summary>
/// Expense to ledger end to end, written once and run against every <see cref="IKafkaStack"/>: the sample master data
/// through the master-data topology, then vendor files (two Concur pages, one Expensify export; see
/// <see cref="SampleWorldVendorFiles"/>) through real file-drop connectors with the shipped mapping profiles, the
/// expense topology and the posting topology (1-minute windows closed on the wall clock), each run as the host runs it
/// (<see cref="TopologyService"/>) on one <see cref="FakeTimeProvider"/>: once the posting topology holds every approval
/// in an open window, the test moves that clock past the window's end and grace instead of waiting a real minute.
/// Every line is accounted for: connector read = produced + dead-lettered on <c>dlq.ingest</c>; every produced line
/// approved, dead-lettered on <c>dlq.expenses</c> or dropped as a re-delivery; every approval in exactly one balanced
/// journal of its entity, whose expense debits equal the approved functional amounts; the one intercompany line (a US01
/// employee charged to DE01) also in one journal of the employee's entity, with due-to and due-from lines naming the
/// partner, each entity in its own functional currency.
/// The topologies use the catalog's fixed topic names, so each stack (one per test class) runs this once.
/// </summary>
public abstract class ExpenseToLedgerScenarios(KafkaStackFixture fixture)
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan OutcomePatience = TimeSpan.FromSeconds(60);

    /// <summary>Once the clock is past a window's end and grace, the window closes at the next check (every second).</summary>
    private static readonly TimeSpan JournalPatience = TimeSpan.FromSeconds(30);

    private readonly string run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    /// <summary>The topologies' clock: approval times, "today" of periods and rates, and the wall clock that closes posting windows.</summary>
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    /// <summary>The business metrics of this run's topologies and connectors, as the host shares one registry among them.</summary>
    private readonly BusinessMetrics metrics = BusinessMetrics.Detached();

    private EndToEndPipeline Pipeline => new(fixture.Stack, run, clock, metrics);

    [Fact(Timeout = 180_000)]
    public async Task Vendor_files_end_as_balanced_journals_and_dead_letters_with_every_line_accounted_for()
    {
        var stack = fixture.Stack;
        var ct = TestContext.Current.CancellationToken;
        var kafka = new KafkaOptions { BootstrapServers = stack.BootstrapServers, ClientIdPrefix = $"e2e-{run}" };
        var registry = new SchemaRegistryOptions { Url = stack.SchemaRegistryUrl };
        var serDes = SerDesFactory.FromOptions(registry);
        using var work = new TempDirectory("e2e");
        var streams = EndToEndPipeline.Streams($"e2e-{run.ToLowerInvariant()}", Path.Combine(work.Path, "state"));
        var posting = new PostingOptions
        {
            WindowSize = TimeSpan.FromMinutes(1),
            GracePeriod = TimeSpan.FromSeconds(2),
            CloseOnWallClock = true,
            CloseCheckInterval = TimeSpan.FromSeconds(1),
        };
        Assert.Empty(posting.Validate());
        var masterDataTopology = new MasterDataTopology();
        var expenseTopology = new ExpenseTopology();
        var postingTopology = new PostingTopology();
        var auditTopology = new AuditChainTopology();
        var auditIndexTopology = new AuditIndexTopology();
        await stack.Provisioner.ApplyAsync(RequiredTopics.For(streams, [masterDataTopology, expenseTopology, postingTopology, auditTopology, auditIndexTopology], serDes), ct);

        // 1. Master data: the sample world through the master-data topology into md.history.
        var generator = new SampleDataGenerator(7);
        using var masterData = Pipeline.Topology(masterDataTopology, kafka, streams, registry, serDes, posting);
        var wait = new PipelineWait([masterData]);
        await EndToEndPipeline.StartAsync(masterData, wait);
        await ProduceMasterDataAsync(generator, kafka, serDes, ct);
        WaitForMasterDataHistory(generator, serDes, wait);

        // 2. The expense and posting topologies, started once md.history is complete (their global table restores it first).
        using var expenses = Pipeline.Topology(expenseTopology, kafka, streams, registry, serDes, posting);
        using var postings = Pipeline.Topology(postingTopology, kafka, streams, registry, serDes, posting);
        using var audit = Pipeline.Topology(auditTopology, kafka, streams, registry, serDes, posting);
        using var auditIndex = Pipeline.Topology(auditIndexTopology, kafka, streams, registry, serDes, posting);
        wait = new PipelineWait([masterData, expenses, postings, audit, auditIndex]);
        await EndToEndPipeline.StartAsync(expenses, wait);
        await EndToEndPipeline.StartAsync(postings, wait);
        await EndToEndPipeline.StartAsync(audit, wait);
        await EndToEndPipeline.StartAsync(auditIndex, wait);

        // 3. The vendor files through real file-drop connectors: the shipped profiles, the default formats.
        var today = DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime.Date, DateTimeKind.Utc);
        var files = SampleWorldVendorFiles.For(run, today);
        var lines = files.SelectMany(f => f.Lines).ToList();
        var inboxes = EndToEndPipeline.DropFiles(files, work.Path);
        var connectorMetrics = new ConnectorMetrics(metrics);
        var ingest = await Pipeline.RunConnectorsAsync(files, inboxes, kafka, serDes, connectorMetrics, ct);

        // 4. Connector accounting: read = produced + dead-lettered, by its results, its metrics and the topics.
        var produced = lines.Where(l => l.Outcome != PlannedOutcome.IngestDeadLetter).ToList();
        var unmappable = lines.Where(l => l.Outcome == PlannedOutcome.IngestDeadLetter).ToList();
        Assert.All(ingest, r => Assert.True(r.Result.IsBalanced, r.Result.ToString()));
        Assert.Equal((15, 12, 3), (lines.Count, produced.Count, unmappable.Count));
        Assert.Equal((15L, 12L, 3L), (ingest.Sum(r => r.Result.Read), ingest.Sum(r => r.Result.Produced), ingest.Sum(r => r.Result.DeadLettered)));
        foreach (var file in files)
        {
            var result = Assert.Single(ingest, r => r.Result.Source == file.FileName).Result;
            Assert.Equal((file.Lines.Count, file.Lines.Count(l => l.Outcome != PlannedOutcome.IngestDeadLetter)), ((int)result.Read, (int)result.Produced));
        }
        foreach (var connector in ingest.Select(r => r.Connector).Distinct())
        {
            var results = ingest.Where(r => r.Connector == connector).Select(r => r.Result).ToList();
            Assert.Equal(
                (results.Sum(r => r.Read), results.Sum(r => r.Produced), results.Sum(r => r.DeadLettered)),
                ((long)connectorMetrics.RecordsOf(connector, ConnectorMetrics.Read), (long)connectorMetrics.RecordsOf(connector, ConnectorMetrics.Produced),
                    (long)connectorMetrics.RecordsOf(connector, ConnectorMetrics.DeadLettered)));
        }

        var ingested = wait.Until($"{produced.Count} records on {Topics.Expenses.Name}", OutcomePatience, () => Pipeline.Read(Topics.Expenses, serDes),
            records => records.Count >= produced.Count ? null : $"{produced.Count - records.Count} of {produced.Count} records");
        Assert.Equal(produced.Select(l => l.IdempotencyKey).Order(), ingested.Select(r => r.Value.envelope.idempotencyKey).Order());

        var ingestLetters = wait.Until($"{unmappable.Count} connector dead letters on {Topics.IngestDeadLetters.Name}", OutcomePatience,
            () => Pipeline.Read(Topics.IngestDeadLetters, serDes).Where(r => r.Value.processor.StartsWith("connector.e2e-", StringComparison.Ordinal)).ToList(),
            letters => letters.Count >= unmappable.Count ? null : $"{unmappable.Count - letters.Count} of {unmappable.Count} dead letters");
        Assert.Equal(unmappable.Count, ingestLetters.Count);
        foreach (var line in unmappable)
        {
            var file = files.Single(f => f.Lines.Contains(line));
            var letter = Assert.Single(ingestLetters, l => l.Value.message.Contains(line.ExpectedValue!, StringComparison.Ordinal));
            Assert.Equal((ReasonCode.MappingFailed.Code, file.FileName, $"{file.Profile}@1"), (letter.Value.reasonCode, letter.Value.originFile, letter.Value.mappingProfile));
            Assert.Equal(file.Lines.ToList().IndexOf(line) + 1L, letter.Value.originLine);
            Assert.Contains(line.ExpectedField!, letter.Value.message, StringComparison.Ordinal);
            Assert.Single(letter.Value.message.Split($"{file.FileName}:{letter.Value.originLine}").Skip(1));
        }

        // 5. Expense outcomes: every produced line approved, dead-lettered or dropped as a re-delivery.
        var distinctKeys = produced.Select(l => l.IdempotencyKey).ToHashSet();
        var duplicates = lines.Count(l => l.Outcome == PlannedOutcome.Duplicate);
        Assert.Equal((2, 10), (duplicates, distinctKeys.Count));
        Assert.Equal(duplicates, ingested.Count - ingested.Select(r => r.Value.envelope.idempotencyKey).Distinct().Count());
        var outcomes = wait.Until($"an outcome for each of the {distinctKeys.Count} distinct expense lines", OutcomePatience,
            () => (Approved: Pipeline.Read(Topics.ApprovedExpenses, serDes), DeadLetters: Pipeline.Read(Topics.ExpenseDeadLetters, serDes)),
            seen => Missing(distinctKeys, seen.Approved.Select(a => a.Value.envelope.idempotencyKey).Concat(seen.DeadLetters.Select(d => d.Value.idempotencyKey ?? ""))));
        var approvedLines = lines.Where(l => l.Outcome == PlannedOutcome.Approved).ToList();
        Assert.Equal(approvedLines.Select(l => l.IdempotencyKey).Order(), outcomes.Approved.Select(a => a.Value.envelope.idempotencyKey).Order());
        var rejected = lines.Single(l => l.Outcome == PlannedOutcome.ExpenseDeadLetter);
        var expenseLetter = Assert.Single(outcomes.DeadLetters).Value;
        Assert.Equal((ReasonCode.InactiveCostCenter.Code, rejected.IdempotencyKey, Topics.Expenses.Name), (expenseLetter.reasonCode, expenseLetter.idempotencyKey, expenseLetter.originTopic));
        Assert.Contains(rejected.ExpectedField!, expenseLetter.message, StringComparison.Ordinal);
        Assert.Contains(rejected.ExpectedValue!, expenseLetter.message, StringComparison.Ordinal);
        var approved = outcomes.Approved.Select(a => a.Value).ToList();
        foreach (var line in approvedLines.Where(l => l.Currency == approved.Single(a => a.expense.expenseId == l.Id).functionalAmount.currency))
            Assert.Equal(line.Amount, approved.Single(a => a.expense.expenseId == line.Id).functionalAmount.ToDecimal());
        Assert.Equal(approvedLines.Select(l => (l.Id, l.BookingEntityId)).Order(), approved.Select(a => (a.expense.expenseId, a.legalEntityId)).Order());

        // The intercompany line: booked (cost) in DE01 in EUR at the day's rate, the employee's entity US01 keeps the USD
        // amount it owes the employee. The sample world publishes USD/EUR at 0.92 with a daily drift of at most 1 %, so the
        // EUR figure is 310.00 x the approval's rate rounded to cents (commercial rounding, the default), e.g. 285.15 EUR on
        // 2026-11-26 (rate 0.919826).
        var intercompanyLine = Assert.Single(approvedLines, l => l.ChargedEntityId is not null);
        Assert.Equal([intercompanyLine.Id], approved.Where(a => a.employeeEntityId is not null).Select(a => a.expense.expenseId));
        var intercompany = approved.Single(a => a.expense.expenseId == intercompanyLine.Id);
        Assert.Equal(("DE01", "US01", "DE01", "CC-2010"), (intercompany.expense.chargedEntityId, intercompany.employeeEntityId, intercompany.legalEntityId, intercompany.costCenterId));
        Assert.Equal((310.00m, "USD"), (intercompany.expense.amount.ToDecimal(), intercompany.expense.amount.currency));
        var intercompanyRate = AvroDecimals.ToDecimal(intercompany.fxRate);
        Assert.InRange(intercompanyRate, 0.92m * 0.99m, 0.92m * 1.01m);
        var intercompanyEur = CurrencyMinorUnits.Round(310.00m * intercompanyRate, "EUR");
        Assert.Equal((intercompanyEur, "EUR"), (intercompany.functionalAmount.ToDecimal(), intercompany.functionalAmount.currency));
        Assert.Equal((310.00m, "USD"), (intercompany.employeeEntityAmount!.ToDecimal(), intercompany.employeeEntityAmount.currency));
        Assert.False(intercompany.isCardCharge);

        // 6. Journals: each approval in exactly one balanced journal of its entity (and, intercompany, one of the employee's
        // entity); expense debits equal approved amounts.
        var postedEntities = approved.Select(a => (Entity: a.legalEntityId, Id: a.expense.expenseId))
            .Concat(approved.Where(a => a.employeeEntityId is not null).Select(a => (Entity: a.employeeEntityId!, Id: a.expense.expenseId)))
            .ToList();
        // Every contribution in an open window first (a later one would join the next window), then the window's end and grace pass.
        var postingMetrics = new PostingMetrics(metrics);
        wait.Until($"the posting topology to hold all {postedEntities.Count} contributions in open windows", OutcomePatience,
            () => postingMetrics.Awaiting.GetAllLabelValues().Sum(labels => postingMetrics.Awaiting.WithLabels(labels).Value),
            awaiting => awaiting >= postedEntities.Count ? null : $"{postedEntities.Count - awaiting} of {postedEntities.Count}");
        clock.Advance(posting.WindowSize + posting.GracePeriod);
        var journals = wait.Until($"journals on {Topics.JournalPostings.Name} holding every approved expense", JournalPatience,
            () => Pipeline.Read(Topics.JournalPostings, serDes).Select(j => j.Value).ToList(),
            posted => Missing(postedEntities.Select(p => $"{p.Entity}/{p.Id}"),
                posted.SelectMany(j => j.lines.SelectMany(l => l.sourceIds).Select(id => $"{j.legalEntityId}/{id}"))));
        Report(ingest, ingestLetters.Select(l => l.Value).Append(expenseLetter), journals);
        EndToEndPipeline.AssertBalanced(journals);
        Assert.Equal(journals.Count, journals.Select(j => j.reconciliationId).Distinct().Count());
        foreach (var (entity, id) in postedEntities)
            Assert.Single(journals, j => j.legalEntityId == entity && j.lines.Any(l => l.sourceIds.Contains(id)));
        Assert.Equal(["DE01", "US01"], journals.Where(j => j.lines.Any(l => l.sourceIds.Contains(intercompanyLine.Id))).Select(j => j.legalEntityId).Order());

        // The booking entity DE01 (EUR): the hotel cost on CC-2010 and a due-to US01 credit of the EUR amount, not the employee payable.
        var booking = journals.Single(j => j.legalEntityId == "DE01" && j.lines.Any(l => l.sourceIds.Contains(intercompanyLine.Id)));
        Assert.Equal("EUR", booking.currency);
        var bookingLines = booking.lines.Where(l => l.sourceIds.Contains(intercompanyLine.Id)).ToList();
        Assert.Equal(
            [(JournalSide.DEBIT, "640200", (string?)"CC-2010", (string?)null), (JournalSide.CREDIT, posting.IntercompanyDueToAccount, null, "US01")],
            bookingLines.Select(l => (l.side, l.glAccountId, (string?)l.costCenterId, (string?)l.intercompanyPartnerEntityId)).OrderBy(l => l.side));
        var dueTo = bookingLines.Single(l => l.side == JournalSide.CREDIT);
        Assert.Equal((intercompanyEur, "EUR"), (dueTo.amount.ToDecimal(), dueTo.amount.currency));
        Assert.Equal([intercompanyLine.Id], dueTo.sourceIds);

        // The employee's entity US01 (USD): a due-from DE01 debit of 310.00 and the employee payable credit; no cost line.
        var employeeSide = journals.Single(j => j.legalEntityId == "US01" && j.lines.Any(l => l.sourceIds.Contains(intercompanyLine.Id)));
        Assert.Equal("USD", employeeSide.currency);
        var employeeLines = employeeSide.lines.Where(l => l.sourceIds.Contains(intercompanyLine.Id)).ToList();
        Assert.Equal(
            [(JournalSide.DEBIT, posting.IntercompanyDueFromAccount, (string?)null, (string?)"DE01"), (JournalSide.CREDIT, posting.EmployeePayableAccount, null, null)],
            employeeLines.Select(l => (l.side, l.glAccountId, (string?)l.costCenterId, (string?)l.intercompanyPartnerEntityId)).OrderBy(l => l.side));
        var dueFrom = employeeLines.Single(l => l.side == JournalSide.DEBIT);
        Assert.Equal((310.00m, "USD"), (dueFrom.amount.ToDecimal(), dueFrom.amount.currency));
        Assert.Equal([intercompanyLine.Id], dueFrom.sourceIds);
        Assert.True(employeeLines.Single(l => l.side == JournalSide.CREDIT).amount.ToDecimal() >= 310.00m, "the US01 employee payable credit must include the 310.00 USD owed");

        // Expense debits (debits with a cost center) per entity = the approved functional amounts booked in that entity:
        // an intercompany line counts once, in its booking entity (DE01, in EUR); its due-from debit in US01 has no
        // cost center and is reconciled separately against the employee-entity amounts, and the due-to credits against
        // the intercompany approvals' functional amounts.
        var approvedTotals = approved.GroupBy(a => (a.legalEntityId, a.functionalAmount.currency))
            .ToDictionary(g => g.Key, g => g.Sum(a => a.functionalAmount.ToDecimal()));
        var debitTotals = journals.GroupBy(j => (j.legalEntityId, j.currency))
            .ToDictionary(g => g.Key, g => g.SelectMany(j => j.lines).Where(IsExpenseDebit).Sum(l => l.amount.ToDecimal()));
        Assert.Equal(approvedTotals.OrderBy(t => t.Key), debitTotals.OrderBy(t => t.Key));
        Assert.Equal([("DE01", "EUR"), ("JP01", "JPY"), ("US01", "USD")], approvedTotals.Keys.Order());
        var intercompanyApprovals = approved.Where(a => a.employeeEntityId is not null).ToList();
        Assert.Equal(
            intercompanyApprovals.GroupBy(a => (Entity: a.employeeEntityId!, a.employeeEntityAmount!.currency)).ToDictionary(g => g.Key, g => g.Sum(a => a.employeeEntityAmount!.ToDecimal())).OrderBy(t => t.Key),
            AccountTotals(journals, JournalSide.DEBIT, posting.IntercompanyDueFromAccount).OrderBy(t => t.Key));
        Assert.Equal(
            intercompanyApprovals.GroupBy(a => (Entity: a.legalEntityId, a.functionalAmount.currency)).ToDictionary(g => g.Key, g => g.Sum(a => a.functionalAmount.ToDecimal())).OrderBy(t => t.Key),
            AccountTotals(journals, JournalSide.CREDIT, posting.IntercompanyDueToAccount).OrderBy(t => t.Key));

        // 7. Nothing arrived late: the re-deliveries were never approved, nothing else was dead-lettered, the files are processed.
        Assert.Equal(approvedLines.Count, Pipeline.Read(Topics.ApprovedExpenses, serDes).Count);
        Assert.Single(Pipeline.Read(Topics.ExpenseDeadLetters, serDes));
        foreach (var (file, inbox) in files.Zip(files.Select(f => inboxes[f.Profile])))
        {
            Assert.True(File.Exists(Path.Combine(inbox, "processed", file.FileName)), $"{file.FileName} was not moved to {Path.Combine(inbox, "processed")}");
            Assert.False(File.Exists(Path.Combine(inbox, file.FileName)), $"{file.FileName} is still in the inbox {inbox}");
        }
        Assert.All(inboxes.Values, inbox => Assert.False(Directory.Exists(Path.Combine(inbox, "quarantine")), $"a file was quarantined in {inbox}"));

        // 8. The audit trail: lines traced from their file line to their journal through the audit index.
        AssertAuditTrail(files, lines, journals, new AuditIndexTrail(() => auditIndex), new AuditTopicReader(kafka, serDes), wait);

        // 9. The ERP: an ERP sink posts every journal to the fake ERP with the NetSuite profile; the ERP refuses JP01's.
        await AssertJournalsConfirmedByTheErpAsync(stack, kafka, serDes, journals, wait, ct);
    }

    /// <summary>
    /// Every journal reaches the fake ERP once and comes back on <c>erp.posting-confirmations</c>: POSTED with the ERP's
    /// document number and fiscal year, except JP01's, which the ERP rejects: REJECTED with the ERP's message, and a
    /// dead letter on <c>dlq.erp</c> for integration support with that message and the payload sent.
    /// </summary>
    private async Task AssertJournalsConfirmedByTheErpAsync(
        IKafkaStack stack, KafkaOptions kafka, SerDesFactory serDes, IReadOnlyList<JournalEntry> journals, PipelineWait wait, CancellationToken ct)
    {
        const string refusal = "Subsidiary JP01 is not yet enabled for journal entries in NetSuite.";
        await stack.CreateTopicsAsync(new TopicSpec[] { Topics.PostingConfirmations, Topics.ErpDeadLetters }.Select(t => (t.Name, t.Partitions)));
        await using var erp = await FakeErp.StartAsync(ct: ct);
        erp.Rejects = call => call.Body.Contains("\"externalId\":\"JP01\"", StringComparison.Ordinal) ? refusal : null;
        var profile = new MappingProfileLoader().LoadOutboundFile(Path.Combine(AppContext.BaseDirectory, "Profiles", OutboundProfileCatalog.Folder, "netsuite-journal-entries.yaml"));
        var options = new ErpSinkOptions { BaseUrl = erp.Url, TargetSystem = "netsuite-e2e", ConsumerGroup = $"e2e-erp-{run}", BaseDelayMs = 10, SessionTimeoutMs = 6_000 };
        using var producer = new KafkaRecordSink(new CanonicalRecordProducer(kafka, serDes, "e2e-erp-sink"));
        using var deadLetters = new DeadLetterPublisher(kafka, serDes);
        using var offsets = new StreamFinance.Connectors.Offsets.KafkaConnectorOffsetStore(kafka, serDes);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var sink = new ErpSinkConnector(new ConnectorContext($"e2e-erp-{run}", producer, deadLetters, offsets), options, profile, null, kafka, serDes, http);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = sink.RunAsync(stop.Token);
        var ids = journals.Select(j => j.reconciliationId).ToHashSet();
        var confirmations = wait.Until($"a confirmation for each of the {ids.Count} journals", OutcomePatience,
            () => Pipeline.Read(Topics.PostingConfirmations, serDes).Select(c => c.Value).Where(c => ids.Contains(c.postingId)).ToList(),
            seen => Missing(ids, seen.Select(c => c.postingId)));
        var letters = wait.Until("the JP01 journals' dead letters", OutcomePatience,
            () => Pipeline.Read(Topics.ErpDeadLetters, serDes).Select(d => d.Value).Where(d => d.idempotencyKey is { } key && ids.Contains(key)).ToList(),
            seen => Missing(journals.Where(j => j.legalEntityId == "JP01").Select(j => j.reconciliationId), seen.Select(d => d.idempotencyKey!)));
        stop.Cancel();
        await running;

        foreach (var journal in journals)
        {
            var answers = confirmations.Where(c => c.postingId == journal.reconciliationId).ToList();
            if (journal.legalEntityId == "JP01")
            {
                Assert.All(answers, c => Assert.Equal((PostingStatus.REJECTED, (string?)null), (c.status, c.erpDocumentNumber)));
                Assert.All(answers, c => Assert.Contains(refusal, c.messages));
                var letter = Assert.Single(letters, d => d.idempotencyKey == journal.reconciliationId);
                Assert.Equal((ReasonCode.ErpRejected.Code, OwnerRole.INTEGRATION_SUPPORT, Topics.JournalPostings.Name), (letter.reasonCode, letter.ownerRole, letter.originTopic));
                Assert.Contains(refusal, letter.message, StringComparison.Ordinal);
                Assert.Contains($"\"externalId\":\"{journal.reconciliationId}\"", letter.exceptionMessage, StringComparison.Ordinal);
                Assert.Empty(erp.DocumentsFor(journal.reconciliationId));
                continue;
            }
            var document = Assert.Single(erp.DocumentsFor(journal.reconciliationId));
            Assert.All(answers, c => Assert.Equal((PostingStatus.POSTED, document.Number, (int?)journal.fiscalYear, journal.legalEntityId, journal.totalDebit.ToDecimal()),
                (c.status, c.erpDocumentNumber, c.fiscalYear, c.legalEntityId, c.amount!.ToDecimal())));
        }
        Assert.Contains(journals, j => j.legalEntityId == "JP01");
        Assert.Equal(journals.Count(j => j.legalEntityId != "JP01"), erp.Documents.Count);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, journals.Select(j =>
            $"{j.reconciliationId} {j.legalEntityId} -> {string.Join(", ", confirmations.Where(c => c.postingId == j.reconciliationId).Select(c => $"{c.status} {c.erpDocumentNumber}").Distinct())}")));
    }

    /// <summary>
    /// One approved line's journey (ingested at its file line, mapped with its profile, approved, posted in its journal)
    /// as one unbroken chain; the rejected line's (dead-lettered with its reason); a re-delivered line's deduplication;
    /// an unmappable line's connector dead letter at its file line; a journal's trace by reconciliation id; the index
    /// and the topic agreeing; and verify finding nothing wrong.
    /// </summary>
    private static void AssertAuditTrail(
        IReadOnlyList<VendorFile> files, IReadOnlyList<PlannedExpense> lines, IReadOnlyList<JournalEntry> journals, AuditIndexTrail index, AuditTopicReader topic, PipelineWait wait)
    {
        var ct = TestContext.Current.CancellationToken;
        var walked = lines.First(l => l.Outcome == PlannedOutcome.Approved && l.ChargedEntityId is null && lines.Count(x => x.Id == l.Id) == 1);
        var file = files.Single(f => f.Lines.Contains(walked));
        var journal = journals.Single(j => j.legalEntityId == walked.BookingEntityId && j.lines.Any(l => l.sourceIds.Contains(walked.Id)));
        var timeline = wait.Until($"the audit trail of {walked.Id} to reach its journal", OutcomePatience, () => index.Trace(walked.Id),
            t => t.Events.Any(e => e.step == AuditSteps.Posted) ? null : $"steps so far: {string.Join(", ", t.Events.Select(e => e.step))}");
        var chain = timeline.Events;
        Assert.Equal([AuditSteps.Ingested, AuditSteps.Mapped, AuditSteps.Approved, AuditSteps.Posted], chain.Select(e => e.step));
        Assert.Equal([1L, 2L, 3L, 4L], chain.Select(e => e.sequence));
        Assert.Single(chain.Select(e => e.correlationId).Distinct());
        Assert.All(chain.Skip(1).Zip(chain), pair => Assert.Equal(pair.Second.hash, pair.First.previousHash));
        Assert.Equal((file.FileName, file.Lines.ToList().IndexOf(walked) + 1L), (chain[0].originFile, chain[0].originLine));
        Assert.StartsWith("connector.e2e-", chain[0].component, StringComparison.Ordinal);
        Assert.Equal($"{file.Profile}@1", chain[1].detail["profile"]);
        Assert.Equal((Topics.Expenses.Name, typeof(ApprovedExpense).FullName), (chain[2].topic, chain[2].payloadType));
        Assert.Equal([journal.reconciliationId], chain[3].relatedIds);
        // The posting of one expense names its journal; the journal's own event carries the journal as payload.
        Assert.All(chain.Take(3), e => Assert.NotNull(e.payloadSha256));

        var rejected = lines.Single(l => l.Outcome == PlannedOutcome.ExpenseDeadLetter);
        var refused = index.Trace(rejected.Id).Events;
        Assert.Equal([AuditSteps.Ingested, AuditSteps.Mapped, AuditSteps.DeadLettered], refused.Select(e => e.step));
        Assert.Equal(ReasonCode.InactiveCostCenter.Code, refused[2].reason);

        var redelivered = lines.First(l => l.Outcome == PlannedOutcome.Duplicate);
        Assert.Contains(index.Trace(redelivered.Id).Events, e => e.step == AuditSteps.Deduplicated && e.outcome == AuditOutcome.DUPLICATE_IGNORED);

        var byJournal = index.Trace(journal.reconciliationId);
        Assert.Contains(byJournal.Events, e => e.step == AuditSteps.Posted && e.businessId == journal.reconciliationId && e.payloadType == typeof(JournalEntry).FullName);
        Assert.Contains(byJournal.Events, e => e.businessId == walked.Id && e.step == AuditSteps.Ingested);

        var fromTopic = topic.Trace(walked.Id, null, ct);
        Assert.Equal(chain.Select(e => e.eventId), fromTopic.Events.Select(e => e.eventId));
        var unmappable = lines.First(l => l.Outcome == PlannedOutcome.IngestDeadLetter);
        var unmappableFile = files.Single(f => f.Lines.Contains(unmappable));
        Assert.Contains(topic.Read(null, ct), r => r.Event.step == AuditSteps.DeadLettered && r.Event.reason == ReasonCode.MappingFailed.Code
            && r.Event.originFile == unmappableFile.FileName && r.Event.originLine == unmappableFile.Lines.ToList().IndexOf(unmappable) + 1L);
        var verifier = topic.Verify(null, ct);
        Assert.True(verifier.Findings.Count == 0, string.Join(Environment.NewLine, verifier.Findings));
        Assert.True(verifier.Chains > lines.Count / 2, $"{verifier.Chains} chains");
    }

    private static async Task ProduceMasterDataAsync(SampleDataGenerator generator, KafkaOptions kafka, SerDesFactory serDes, CancellationToken ct)
    {
        using var producer = new CanonicalRecordProducer(kafka, serDes, "e2e-master-data");
        foreach (var record in generator.MasterData())
            await producer.ProduceAsync(record.Topic, record.Key, record.Value, ct);
    }

    /// <summary>
    /// Waits until md.history holds every object the expenses need (entities, cost centers, employees, projects, GL
    /// accounts, tax codes, periods, rates) and the inactive cost center's second version.
    /// </summary>
    private void WaitForMasterDataHistory(SampleDataGenerator generator, SerDesFactory serDes, PipelineWait wait)
    {
        var updates = generator.MasterData().Select(r => r.Value).OfType<MasterDataUpdate>()
            .Where(u => u.objectType is not (MasterDataObjectType.SUPPLIER or MasterDataObjectType.BUDGET) && !u.businessKey.Contains("CHF", StringComparison.Ordinal))
            .ToList();
        var versions = updates.GroupBy(u => $"{u.objectType}:{u.businessKey}").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, versions[$"{MasterDataObjectType.COST_CENTER}:{generator.World.InactiveCostCenter}"]);
        wait.Until($"the sample master data on {Topics.MasterDataHistory.Name}", StartPatience,
            () => Pipeline.Read(Topics.MasterDataHistory, serDes).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Last().Value.versions.Count),
            history =>
            {
                var missing = versions.Where(v => history.GetValueOrDefault(v.Key) < v.Value).Select(v => $"{v.Key} ({history.GetValueOrDefault(v.Key)} of {v.Value} versions)").ToList();
                return missing.Count == 0 ? null : $"{missing.Count} object(s): {string.Join(", ", missing.Take(10))}";
            });
    }

    /// <summary>Writes what the run produced to the test output, for the reader of a failure or a report.</summary>
    private static void Report(IEnumerable<(string Connector, IngestResult Result)> ingest, IEnumerable<DeadLetter> letters, IEnumerable<JournalEntry> journals)
    {
        if (TestContext.Current.TestOutputHelper is not { } output)
            return;
        foreach (var (connector, result) in ingest)
            output.WriteLine($"{connector} {result}");
        foreach (var letter in letters)
            output.WriteLine($"{letter.processor}: {letter.reasonCode} {letter.originTopic ?? letter.originFile}: {letter.message}");
        foreach (var journal in journals)
            output.WriteLine(FormattableString.Invariant(
                $"journal {journal.reconciliationId} {journal.legalEntityId} {journal.currency} window {journal.windowStart:HH:mm:ss}-{journal.windowEnd:HH:mm:ss}: {journal.lineCount} lines, debit {journal.totalDebit.ToDecimal()} credit {journal.totalCredit.ToDecimal()}; ")
                + string.Join("; ", journal.lines.Select(l => FormattableString.Invariant($"{l.side} {l.glAccountId} {l.costCenterId}{(l.intercompanyPartnerEntityId is null ? "" : $" partner {l.intercompanyPartnerEntityId}")} {l.amount.ToDecimal()} [{string.Join(",", l.sourceIds)}]"))));
    }

    /// <summary>Per (entity, currency) with any such line: the sum of the <paramref name="side"/> lines on <paramref name="account"/>.</summary>
    private static Dictionary<(string Entity, string currency), decimal> AccountTotals(IReadOnlyList<JournalEntry> journals, JournalSide side, string account) =>
        journals.SelectMany(j => j.lines.Where(l => l.side == side && l.glAccountId == account).Select(l => (Key: (Entity: j.legalEntityId, j.currency), Amount: l.amount.ToDecimal())))
            .GroupBy(t => t.Key)
            .ToDictionary(g => g.Key, g => g.Sum(t => t.Amount));

    /// <summary>An expense debit: the debit lines with a cost center (balance-sheet lines have none; nor have due-from lines).</summary>
    private static bool IsExpenseDebit(JournalLine line) => line.side == JournalSide.DEBIT && line.costCenterId is not null;

    private static string? Missing(IEnumerable<string> expected, IEnumerable<string> seen)
    {
        var missing = expected.Except(seen).ToList();
        return missing.Count == 0 ? null : $"{missing.Count}: {string.Join(", ", missing)}";
    }

}
