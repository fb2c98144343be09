using System.Text;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Producing;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Procurement;
using StreamFinance.Host.Api.Procurement;
using StreamFinance.Host.Provisioning;
using StreamFinance.Host.Runtime;
using StreamFinance.IntegrationTests.EndToEnd;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;
using StreamFinance.Rules.Lookups;
using StreamFinance.TestSupport.Files;
using StreamFinance.TestSupport.Kafka;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Topologies.Procurement;
using PostingOptions = StreamFinance.Domain.Journals.PostingOptions;

namespace StreamFinance.IntegrationTests.Procurement;

/// <summary>
/// Purchase orders end to end (issue 16 point 10), written once and run against every <see cref="IKafkaStack"/>: the
/// sample master data through the master-data topology, then Coupa JSON exports and an X12 850 interchange through real
/// file-drop connectors with the shipped profiles into the procurement topology, run as the host runs it. A 200,000 USD
/// order commits on CC-1020 (budget 250,000 USD); the 850 order is held for its missing requester; an 80,000 USD order is
/// held for budget (50,000 available); raising the budget by 50,000 releases it (commitment and the hold's tombstone);
/// cancelling the first order reverses its commitment. The topology's stores answer what the API reads, and every
/// decision is on <c>audit.emitted</c>.
/// </summary>
public abstract class ProcurementScenarios(KafkaStackFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    private readonly BusinessMetrics metrics = BusinessMetrics.Detached();

    private EndToEndPipeline Pipeline => new(fixture.Stack, run, clock, metrics);

    [Fact(Timeout = 240_000)]
    public async Task Vendor_orders_commit_or_hold_a_budget_increase_releases_the_held_one_and_a_cancellation_reverses()
    {
        var stack = fixture.Stack;
        var ct = TestContext.Current.CancellationToken;
        var kafka = new KafkaOptions { BootstrapServers = stack.BootstrapServers, ClientIdPrefix = $"e2e-po-{run}" };
        var registry = new SchemaRegistryOptions { Url = stack.SchemaRegistryUrl };
        var serDes = SerDesFactory.FromOptions(registry);
        using var work = new TempDirectory("e2e-procurement");
        var streams = EndToEndPipeline.Streams($"e2e-po-{run.ToLowerInvariant()}", Path.Combine(work.Path, "state"));
        var posting = PostingOptions.Default();
        var procurementOptions = new ProcurementOptions { HoldCheckInterval = TimeSpan.FromSeconds(1) };
        var masterDataTopology = new MasterDataTopology();
        var procurementTopology = new ProcurementTopology();
        await stack.Provisioner.ApplyAsync(RequiredTopics.For(streams, [masterDataTopology, procurementTopology], serDes), ct);

        // 1. The sample master data (approver E-US01-001 with a 1,000,000 USD limit; CC-1020 budget 250,000 USD this month).
        var generator = new SampleDataGenerator(7);
        var today = DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime.Date, DateTimeKind.Utc);
        var period = $"US01-{today:yyyy}-{today.Month:00}";
        var budgetKey = LookupKeys.Budget("CC-1020", period);
        using var masterData = Pipeline.Topology(masterDataTopology, kafka, streams, registry, serDes, posting);
        var wait = new PipelineWait([masterData]);
        await EndToEndPipeline.StartAsync(masterData, wait);
        await ProduceAsync(kafka, serDes, generator.MasterData(), ct);
        string[] needed =
        [
            Key(MasterDataObjectType.LEGAL_ENTITY, "US01"), Key(MasterDataObjectType.COST_CENTER, "CC-1020"), Key(MasterDataObjectType.EMPLOYEE, "E-US01-001"),
            Key(MasterDataObjectType.EMPLOYEE, "E-US01-003"), Key(MasterDataObjectType.SUPPLIER, "SUP-0001"), Key(MasterDataObjectType.GL_ACCOUNT, "650200"),
            Key(MasterDataObjectType.ACCOUNTING_PERIOD, period), Key(MasterDataObjectType.BUDGET, budgetKey),
        ];
        wait.Until($"the sample master data on {Topics.MasterDataHistory.Name}", Patience, () => Pipeline.Read(Topics.MasterDataHistory, serDes).Select(r => r.Key).ToHashSet(),
            keys => Missing(needed, keys));

        // 2. The procurement topology, started once md.history holds them (its global table restores it first).
        using var procurement = Pipeline.Topology(procurementTopology, kafka, streams, registry, serDes, posting, procurement: procurementOptions);
        wait = new PipelineWait([masterData, procurement]);
        await EndToEndPipeline.StartAsync(procurement, wait);
        var book = new ProcurementStoreBook(() => procurement);

        // 3. A Coupa order of 200,000 USD and an 850 of the same cost center: the first commits; the 850 (buyer JSMITH, item
        // category 46181504) waits, as no employee lists that buyer and US01 maps no GL account to that category yet.
        var poA = $"PO-US01-{run}-A";
        var poB = $"PO-US01-{run}-B";
        var poC = $"PO-US01-{run}-C";
        VendorFile[] firstFiles =
            [ProcurementVendorFiles.Coupa($"coupa-{run}-1.json", poA, 1, "issued", 2m, 100_000m, today), ProcurementVendorFiles.Edi850($"edi-{run}-1.x12", poC, 700_001, today)];
        var inboxes = EndToEndPipeline.DropFiles(firstFiles, work.Path);
        var connectorMetrics = new ConnectorMetrics(metrics);
        var first = await Pipeline.RunConnectorsAsync(firstFiles, inboxes, kafka, serDes, connectorMetrics, ct);
        Assert.All(first, r => Assert.Equal((1L, 1L, 0L), (r.Result.Read, r.Result.Produced, r.Result.DeadLettered)));
        var commitments = wait.Until($"the commitment of {poA}", Patience, () => Pipeline.Read(Topics.Commitments, serDes),
            read => read.Any(c => c.Key == $"{poA}/R1") ? null : "none yet");
        var commitA = commitments.Single(c => c.Key == $"{poA}/R1").Value;
        Assert.Equal((CommitmentKind.COMMIT, budgetKey, 200_000m, "USD"), (commitA.kind, commitA.commitmentLines[0].budgetKey, commitA.functionalTotal!.ToDecimal(), commitA.functionalTotal.currency));
        var heldC = WaitForHold(poC, serDes, wait);
        Assert.Equal("MISSING_REQUESTER", heldC.reasonCode);
        Assert.Contains("edi-x12 buyer 'JSMITH'", heldC.message, StringComparison.Ordinal);
        Assert.Contains(heldC.violations!, v => v.code == "MISSING_GL_ACCOUNT" && v.message.Contains("item category '46181504' maps to none for legal entity US01", StringComparison.Ordinal));

        // 4. An order of 80,000 USD: 50,000 are available, so it is held for budget and nothing more is reserved.
        var coupaB = ProcurementVendorFiles.Coupa($"coupa-{run}-2.json", poB, 1, "issued", 1m, 80_000m, today);
        EndToEndPipeline.Drop([coupaB], inboxes);
        await Pipeline.RunConnectorsAsync([coupaB], inboxes, kafka, serDes, connectorMetrics, ct);
        var heldB = WaitForHold(poB, serDes, wait);
        Assert.Equal("BUDGET_EXCEEDED", heldB.reasonCode);
        Assert.Contains($"PO {poB} needs 80,000.00 USD on {budgetKey}; 50,000.00 USD available", heldB.message, StringComparison.Ordinal);
        Assert.Equal((200_000m, 0m), (book.Of(budgetKey).Committed, book.Of(budgetKey).Actual));
        Assert.Equal((OrderStage.Held, "BUDGET_EXCEEDED"), (book.Order(poB)!.State.Stage, book.Order(poB)!.Hold!.reasons[0].code));

        // 5. The budget raised by 50,000 to 300,000 USD in force today: the held order commits and its hold is tombstoned.
        var raise = generator.BudgetChange(budgetKey, 300_000m, today);
        await ProduceAsync(kafka, serDes, [raise], ct);
        wait.Until($"the release of {poB}", Patience, () => Pipeline.Read(Topics.Commitments, serDes),
            read => read.Any(c => c.Key == $"{poB}/R1") ? null : "no commitment yet");
        wait.Until($"the tombstone of {poB}'s hold", Patience, () => HoldRecords(stack), read => read.Any(r => r.Key == poB && r.Value is null) ? null : "none yet");
        Assert.Equal(280_000m, book.Of(budgetKey).Committed);
        Assert.Equal(OrderStage.Committed, book.Order(poB)!.State.Stage);

        // 6. The first order cancelled in Coupa (version 2): its commitment is reversed and its budget freed.
        var cancelA = ProcurementVendorFiles.Coupa($"coupa-{run}-3.json", poA, 2, "cancelled", 2m, 100_000m, today);
        EndToEndPipeline.Drop([cancelA], inboxes);
        await Pipeline.RunConnectorsAsync([cancelA], inboxes, kafka, serDes, connectorMetrics, ct);
        var reversal = wait.Until($"the reversal of {poA}", Patience, () => Pipeline.Read(Topics.Commitments, serDes),
            read => read.Any(c => c.Value.poNumber == poA && c.Value.kind == CommitmentKind.REVERSE) ? null : "none yet").Single(c => c.Value.kind == CommitmentKind.REVERSE).Value;
        Assert.Equal(($"{poA}/R1/REVERSE", -200_000m), (reversal.commitmentId, reversal.functionalChange!.ToDecimal()));
        Assert.Equal(80_000m, book.Of(budgetKey).Committed);

        // 6b. The buyer's cross-reference (E-US01-003 is edi-x12 JSMITH) and US01's item categories arrive: the 850 is
        // enriched (requester E-US01-003, GL account 650200 for its line) and commits 125.00 USD.
        await ProduceAsync(kafka, serDes, generator.EdiEnrichment(today), ct);
        var commitC = wait.Until($"the commitment of the 850 {poC}", Patience, () => Pipeline.Read(Topics.Commitments, serDes),
            read => read.Any(c => c.Key == $"{poC}/R0") ? null : "none yet").Single(c => c.Key == $"{poC}/R0").Value;
        Assert.Equal((CommitmentKind.COMMIT, "650200", 125m), (commitC.kind, commitC.commitmentLines[0].glAccountId, commitC.functionalTotal!.ToDecimal()));
        Assert.Equal(80_125m, book.Of(budgetKey).Committed);

        // 7. Every order ends committed, held or cancelled, on status.purchase-orders and in the audit trail.
        var statuses = wait.Until("the final status of each order", Patience,
            () => Pipeline.Read(Topics.PurchaseOrderStatus, serDes).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value.status),
            read => read.GetValueOrDefault(poA) == BusinessStatus.CANCELLED && read.GetValueOrDefault(poB) == BusinessStatus.COMMITTED && read.GetValueOrDefault(poC) == BusinessStatus.COMMITTED
                ? null : string.Join(", ", read.Select(r => $"{r.Key} {r.Value}")));
        Assert.Equal(3, statuses.Keys.Count(k => k.Contains(run, StringComparison.Ordinal)));
        var audit = wait.Until("the procurement decisions on audit.emitted", Patience,
            () => Pipeline.Read(Topics.AuditEmitted, serDes).Select(a => a.Value).Where(e => e.component == ProcurementTopology.TopologyName).ToList(),
            read => read.Count(e => e.businessId == poA && e.step == AuditSteps.Committed) >= 2 && read.Any(e => e.businessId == poB && e.step == AuditSteps.Released) && read.Any(e => e.businessId == poC && e.step == AuditSteps.Committed) ? null : $"{read.Count} events");
        Assert.Equal([AuditSteps.Held, AuditSteps.Released, AuditSteps.Committed], audit.Where(e => e.businessId == poB).Select(e => e.step));
        var stepsC = audit.Where(e => e.businessId == poC).Select(e => e.step).ToList();
        Assert.Equal(AuditSteps.Held, stepsC[0]);
        Assert.Equal([AuditSteps.Enriched, AuditSteps.Released, AuditSteps.Committed], stepsC[^3..]);
        Assert.Contains("requesterId = E-US01-003 from edi-x12 buyer 'JSMITH'", audit.Last(e => e.businessId == poC && e.step == AuditSteps.Enriched).reason, StringComparison.Ordinal);
        Assert.Equal(["COMMIT", "REVERSE"], audit.Where(e => e.businessId == poA).Select(e => e.detail["kind"]));
        Assert.Empty(Pipeline.Read(Topics.ProcurementDeadLetters, serDes));
    }

    private PurchaseOrderHold WaitForHold(string poNumber, SerDesFactory serDes, PipelineWait wait) =>
        wait.Until($"the hold of {poNumber}", Patience, () => Pipeline.Read(Topics.PurchaseOrdersHeld, serDes),
            read => read.Any(h => h.Key == poNumber) ? null : "none yet").Last(h => h.Key == poNumber).Value;

    /// <summary>p2p.po-held with its tombstones (null values).</summary>
    private static List<(string Key, byte[]? Value)> HoldRecords(IKafkaStack stack) =>
        TopicReader.ReadAll(stack.BootstrapServers, Topics.PurchaseOrdersHeld.Name, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)
            .Select(r => (Encoding.UTF8.GetString(r.Message.Key), (byte[]?)r.Message.Value)).ToList();

    private static async Task ProduceAsync(KafkaOptions kafka, SerDesFactory serDes, IEnumerable<GeneratedRecord> records, CancellationToken ct)
    {
        using var producer = new CanonicalRecordProducer(kafka, serDes, "e2e-po-master-data");
        foreach (var record in records)
            await producer.ProduceAsync(record.Topic, record.Key, record.Value, ct);
    }

    private static string Key(MasterDataObjectType type, string key) => MasterDataKeys.For(type, key);

    private static string? Missing(IEnumerable<string> expected, IReadOnlySet<string> seen)
    {
        var missing = expected.Where(k => !seen.Contains(k)).ToList();
        return missing.Count == 0 ? null : $"{missing.Count}: {string.Join(", ", missing)}";
    }
}
