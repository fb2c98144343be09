using System.Text;
using Avro.Specific;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Connectors.FileDrop;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Offsets;
using StreamFinance.Connectors.Producing;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Sources.Formats;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
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
using StreamFinance.Topologies.Expenses;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Topologies.Posting;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using StreamFinance.Kafka;
using StreamFinance.Kafka.Observability;
using StreamFinance.TestSupport.Files;
using StreamFinance.TestSupport.Kafka;

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

    [Fact(Timeout = 180_000)]
    public async Task Vendor_files_end_as_balanced_journals_and_dead_letters_with_every_line_accounted_for()
    {
        var stack = fixture.Stack;
        var ct = TestContext.Current.CancellationToken;
        var kafka = new KafkaOptions { BootstrapServers = stack.BootstrapServers, ClientIdPrefix = $"e2e-{run}" };
        var registry = new SchemaRegistryOptions { Url = stack.SchemaRegistryUrl };
        var serDes = SerDesFactory.FromOptions(registry);
        using var work = new TempDirectory("e2e");
        var streams = new StreamsOptions
        {
            ApplicationIdPrefix = $"e2e-{run.ToLowerInvariant()}",
            StateDir = Path.Combine(work.Path, "state"),
            // The mock broker cannot prove exactly-once (ENVIRONMENT.md); dedupe and deterministic ids hold either way.
            ProcessingGuarantee = ProcessingGuarantee.AT_LEAST_ONCE,
            CommitIntervalMs = 200,
        };
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
        await stack.Provisioner.ApplyAsync(RequiredTopics.For(streams, [masterDataTopology, expenseTopology, postingTopology], serDes), ct);

        // 1. Master data: the sample world through the master-data topology into md.history.
        var generator = new SampleDataGenerator(7);
        using var masterData = Topology(masterDataTopology, kafka, streams, registry, serDes, posting);
        var wait = new PipelineWait([masterData]);
        await StartAsync(masterData, wait);
        await ProduceMasterDataAsync(generator, kafka, serDes, ct);
        WaitForMasterDataHistory(generator, serDes, wait);

        // 2. The expense and posting topologies, started once md.history is complete (their global table restores it first).
        using var expenses = Topology(expenseTopology, kafka, streams, registry, serDes, posting);
        using var postings = Topology(postingTopology, kafka, streams, registry, serDes, posting);
        wait = new PipelineWait([masterData, expenses, postings]);
        await StartAsync(expenses, wait);
        await StartAsync(postings, wait);

        // 3. The vendor files through real file-drop connectors: the shipped profiles, the default formats.
        var today = DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime.Date, DateTimeKind.Utc);
        var files = SampleWorldVendorFiles.For(run, today);
        var lines = files.SelectMany(f => f.Lines).ToList();
        var inboxes = DropFiles(files, work.Path);
        var connectorMetrics = new ConnectorMetrics(metrics);
        var ingest = await RunConnectorsAsync(files, inboxes, kafka, serDes, connectorMetrics, ct);

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

        var ingested = wait.Until($"{produced.Count} records on {Topics.Expenses.Name}", OutcomePatience, () => Read(Topics.Expenses, serDes),
            records => records.Count >= produced.Count ? null : $"{produced.Count - records.Count} of {produced.Count} records");
        Assert.Equal(produced.Select(l => l.IdempotencyKey).Order(), ingested.Select(r => r.Value.envelope.idempotencyKey).Order());

        var ingestLetters = wait.Until($"{unmappable.Count} connector dead letters on {Topics.IngestDeadLetters.Name}", OutcomePatience,
            () => Read(Topics.IngestDeadLetters, serDes).Where(r => r.Value.processor.StartsWith("connector.e2e-", StringComparison.Ordinal)).ToList(),
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
            () => (Approved: Read(Topics.ApprovedExpenses, serDes), DeadLetters: Read(Topics.ExpenseDeadLetters, serDes)),
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
            () => Read(Topics.JournalPostings, serDes).Select(j => j.Value).ToList(),
            posted => Missing(postedEntities.Select(p => $"{p.Entity}/{p.Id}"),
                posted.SelectMany(j => j.lines.SelectMany(l => l.sourceIds).Select(id => $"{j.legalEntityId}/{id}"))));
        Report(ingest, ingestLetters.Select(l => l.Value).Append(expenseLetter), journals);
        AssertBalanced(journals);
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
        Assert.Equal(approvedLines.Count, Read(Topics.ApprovedExpenses, serDes).Count);
        Assert.Single(Read(Topics.ExpenseDeadLetters, serDes));
        foreach (var (file, inbox) in files.Zip(files.Select(f => inboxes[f.Profile])))
        {
            Assert.True(File.Exists(Path.Combine(inbox, "processed", file.FileName)), $"{file.FileName} was not moved to {Path.Combine(inbox, "processed")}");
            Assert.False(File.Exists(Path.Combine(inbox, file.FileName)), $"{file.FileName} is still in the inbox {inbox}");
        }
        Assert.All(inboxes.Values, inbox => Assert.False(Directory.Exists(Path.Combine(inbox, "quarantine")), $"a file was quarantined in {inbox}"));
    }

    private TopologyService Topology(IStreamTopology topology, KafkaOptions kafka, StreamsOptions streams, SchemaRegistryOptions registry,
        SerDesFactory serDes, PostingOptions posting) =>
        new(topology, kafka, streams, registry, serDes, NullLoggerFactory.Instance, posting: posting, clock: clock, businessMetrics: metrics);

    /// <summary>Starts the topology as the host does and waits until it is ready (RUNNING, stores and global tables restored).</summary>
    private static async Task StartAsync(TopologyService service, PipelineWait wait)
    {
        var start = service.StartedAsync(CancellationToken.None);
        if (await Task.WhenAny(start, Task.Delay(StartPatience, TestContext.Current.CancellationToken)) != start)
            Assert.Fail($"Topology '{service.Topology.Name}' did not start within {StartPatience.TotalSeconds:0} s (state {service.State}); a topic it needs may be missing.");
        await start;
        wait.Until($"topology '{service.Topology.Name}' to be ready", StartPatience, service.Readiness, r => r.Ready ? null : r.Detail);
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
            () => Read(Topics.MasterDataHistory, serDes).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Last().Value.versions.Count),
            history =>
            {
                var missing = versions.Where(v => history.GetValueOrDefault(v.Key) < v.Value).Select(v => $"{v.Key} ({history.GetValueOrDefault(v.Key)} of {v.Value} versions)").ToList();
                return missing.Count == 0 ? null : $"{missing.Count} object(s): {string.Join(", ", missing.Take(10))}";
            });
    }

    /// <summary>Writes each file into its profile's inbox (<see cref="FileDropPipeline.Drop(IReadOnlyList{VendorFile}, IReadOnlyDictionary{string, string})"/>).</summary>
    private static Dictionary<string, string> DropFiles(IReadOnlyList<VendorFile> files, string root)
    {
        var inboxes = files.Select(f => f.Profile).Distinct().ToDictionary(p => p, p => Directory.CreateDirectory(Path.Combine(root, "inbox", p)).FullName);
        FileDropPipeline.Drop(files, inboxes);
        return inboxes;
    }

    /// <summary>
    /// One real file-drop connector per profile over its inbox, sharing the connectors' Kafka clients and
    /// <paramref name="connectorMetrics"/>; one scan each. The connectors keep the system clock, which settles the dropped files.
    /// </summary>
    private async Task<List<(string Connector, IngestResult Result)>> RunConnectorsAsync(
        IReadOnlyList<VendorFile> files, Dictionary<string, string> inboxes, KafkaOptions kafka, SerDesFactory serDes, ConnectorMetrics connectorMetrics, CancellationToken ct)
    {
        var profiles = Path.Combine(AppContext.BaseDirectory, "Profiles");
        using var catalog = new MappingProfileCatalog(profiles, watch: false);
        using var deadLetters = new DeadLetterPublisher(kafka, serDes, clientSuffix: "e2e-connector-dead-letters", metrics: metrics.DeadLetters);
        using var offsets = new KafkaConnectorOffsetStore(kafka, serDes);
        using var sink = new KafkaRecordSink(new CanonicalRecordProducer(kafka, serDes, "e2e-connectors"));
        var results = new List<(string, IngestResult)>();
        foreach (var profile in files.Select(f => f.Profile).Distinct())
        {
            var mapper = catalog.Get(profile);
            var name = $"e2e-{profile}-{run}";
            var connector = new FileDropConnector(
                new ConnectorContext(name, sink, deadLetters, offsets, metrics: connectorMetrics), new FileDropOptions { Inbox = inboxes[profile], SettleMs = 0 },
                mapper, SourceFormats.Default.Get(mapper.Format));
            var scanned = await connector.ScanOnceAsync(ct);
            Assert.Equal(files.Where(f => f.Profile == profile).Select(f => f.FileName), scanned.Select(r => r.Source));
            results.AddRange(scanned.Select(r => (name, r)));
        }

        return results;
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

    /// <summary>Per journal: one currency on every line, debits = credits, control totals = the lines.</summary>
    private static void AssertBalanced(IReadOnlyList<JournalEntry> journals)
    {
        Assert.NotEmpty(journals);
        foreach (var journal in journals)
        {
            var debit = journal.lines.Where(l => l.side == JournalSide.DEBIT).Sum(l => l.amount.ToDecimal());
            var credit = journal.lines.Where(l => l.side == JournalSide.CREDIT).Sum(l => l.amount.ToDecimal());
            var id = journal.reconciliationId;
            Assert.All(journal.lines, l => Assert.Equal(journal.currency, l.amount.currency));
            Assert.True(debit == credit, $"journal {id} does not balance: debit {debit} credit {credit} {journal.currency}");
            Assert.True(debit > 0m, $"journal {id} is empty");
            Assert.Equal((journal.lines.Count, debit, credit), (journal.lineCount, journal.totalDebit.ToDecimal(), journal.totalCredit.ToDecimal()));
            Assert.All(new[] { journal.totalDebit, journal.totalCredit }, total => Assert.Equal(journal.currency, total.currency));
            Assert.Equal(Enumerable.Range(1, journal.lines.Count), journal.lines.Select(l => l.lineNumber));
        }
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

    private List<(string Key, T Value)> Read<T>(Topic<string, T> topic, SerDesFactory serDes) where T : class, ISpecificRecord
    {
        var values = serDes.Avro<T>();
        return TopicReader.ReadAll(fixture.Stack.BootstrapServers, topic.Name, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)
            .Where(r => r.Message.Value is not null)
            .Select(r => (r.Message.Key is null ? "" : Encoding.UTF8.GetString(r.Message.Key), values.Deserialize(r.Message.Value, new SerializationContext(MessageComponentType.Value, topic.Name))))
            .ToList();
    }
}
