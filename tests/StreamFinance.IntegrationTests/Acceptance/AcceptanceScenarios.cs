using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Expenses;
using StreamFinance.Host.Provisioning;
using StreamFinance.Host.Runtime;
using StreamFinance.IntegrationTests.Acceptance.Model;
using StreamFinance.IntegrationTests.EndToEnd;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.Kafka;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;
using StreamFinance.TestSupport.Files;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Topologies.MasterData;
using StreamFinance.Topologies.Posting;

namespace StreamFinance.IntegrationTests.Acceptance;

/// <summary>
/// The acceptance dataset end to end on a stack, judged record by record against the independent model
/// (<see cref="ModelRun"/>): the master-data exports through real file-drop connectors with the shipped profiles into the
/// master-data topology, then the vendor files phase by phase (phase 1; phase 2 with a late NetSuite new-hire export; the
/// report-line wait passes; phase 3; the horizons pass) through the expense and posting topologies, each run as the host
/// runs it on one <see cref="FakeTimeProvider"/>. After every step the expense topology's counters
/// (<c>streamfinance_expense_lines_total</c>, <c>_card_charges_total</c>, <c>_card_purchases_total</c>) equal the
/// model's; at the end every record is accounted for (posted, merged, duplicate or dead-lettered), every approved
/// expense carries the model's entity, amount, rate, rate date and period to the cent, every dead letter the model's
/// reason and violations, every journal balances and the journals' signed amounts per entity, currency, period and line
/// equal the model's, intercompany due-to and due-from lines included. The topologies use the catalog's fixed topic
/// names, so each stack (one per test class) runs this once.
/// </summary>
public abstract class AcceptanceScenarios(KafkaStackFixture fixture, ClosedPeriodPolicy closedPeriod, MidpointRounding rounding)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
    private readonly FakeTimeProvider clock = new(AcceptanceSettings.Start);
    private readonly BusinessMetrics metrics = BusinessMetrics.Detached();

    [Fact(Timeout = 300_000)]
    public async Task The_vendor_dataset_ends_as_the_independent_model_says_record_by_record_with_balanced_journals()
    {
        var elapsed = Stopwatch.StartNew();
        var ct = TestContext.Current.CancellationToken;
        var stack = fixture.Stack;
        var pipeline = new EndToEndPipeline(stack, run, clock, metrics);
        var kafka = new KafkaOptions { BootstrapServers = stack.BootstrapServers, ClientIdPrefix = $"acc-{run}" };
        var registry = new SchemaRegistryOptions { Url = stack.SchemaRegistryUrl };
        var serDes = SerDesFactory.FromOptions(registry);
        using var work = new TempDirectory("acceptance");
        var streams = EndToEndPipeline.Streams($"acc-{run.ToLowerInvariant()}", Path.Combine(work.Path, "state"));
        var posting = AcceptanceSettings.Posting();
        var expenses = AcceptanceSettings.Expenses(closedPeriod, rounding);
        var data = AcceptanceDataset.Load(AcceptanceSettings.DataRoot);
        var model = new ModelRun(data, AcceptanceSettings.Model(expenses), DateOnly.FromDateTime(AcceptanceSettings.Start.UtcDateTime));
        var topologies = new IStreamTopology[] { new MasterDataTopology(), new ExpenseTopology(), new PostingTopology() };
        await stack.Provisioner.ApplyAsync(RequiredTopics.For(streams, topologies, serDes), ct);
        var connectorMetrics = new ConnectorMetrics(metrics);
        var ingest = new List<(string Connector, IngestResult Result)>();

        // 1. Master data: every export through its shipped profile into md.history.
        using var masterData = pipeline.Topology(topologies[0], kafka, streams, registry, serDes, posting, expenses);
        var wait = new PipelineWait([masterData]);
        await EndToEndPipeline.StartAsync(masterData, wait);
        ingest.AddRange(await DropAsync(pipeline, data, 0, work.Path, kafka, serDes, connectorMetrics, ct));
        var versions = data.MasterData.VersionCounts;
        wait.Until($"the {versions.Count} master-data objects on {Topics.MasterDataHistory.Name}", Patience,
            () => pipeline.Read(Topics.MasterDataHistory, serDes).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Last().Value.versions.Count),
            history =>
            {
                var missing = versions.Where(v => history.GetValueOrDefault(v.Key) < v.Value).Select(v => $"{v.Key} ({history.GetValueOrDefault(v.Key)} of {v.Value})").ToList();
                return missing.Count == 0 ? null : $"{missing.Count}: {string.Join(", ", missing.Take(10))}";
            });

        // 2. The expense and posting topologies; then each step of the run, the model taking the same step.
        using var expenseService = pipeline.Topology(topologies[1], kafka, streams, registry, serDes, posting, expenses);
        using var postingService = pipeline.Topology(topologies[2], kafka, streams, registry, serDes, posting, expenses);
        wait = new PipelineWait([masterData, expenseService, postingService]);
        await EndToEndPipeline.StartAsync(expenseService, wait);
        await EndToEndPipeline.StartAsync(postingService, wait);
        var counters = new ExpenseMetrics(metrics);
        foreach (var (step, apply) in AcceptanceModelRun.Steps)
        {
            apply(model);
            if (step.StartsWith("phase ", StringComparison.Ordinal))
                ingest.AddRange(await DropAsync(pipeline, data, int.Parse(step[6..], System.Globalization.CultureInfo.InvariantCulture), work.Path, kafka, serDes, connectorMetrics, ct));
            else
                clock.Advance(step == "horizons" ? expenses.MasterDataWaitHorizon * 2 + TimeSpan.FromMinutes(1) : expenses.CardSpend.ReportLineWait + TimeSpan.FromMinutes(1));
            var expected = new SortedDictionary<string, int>(model.Counters, StringComparer.Ordinal);
            wait.Until($"the expense topology's counters after {step} to equal the model's", Patience, () => Counters(counters, expected.Keys),
                seen => Difference(expected, seen));
        }

        // 3. Journals: every window closes once the clock is past its end and grace.
        var contributions = model.Outcomes.Values.Where(o => o.Kind == ModelOutcomeKind.Posted)
            .SelectMany(o => new[] { (o.Verdict!.Entity!, ExpenseId(o)) }.Concat(o.Verdict.EmployeeEntity is { } e ? [(e, ExpenseId(o))] : []))
            .Select(c => $"{c.Item1}/{c.Item2}").ToHashSet();
        var journals = wait.Until($"journals holding all {contributions.Count} contributions", Patience,
            () =>
            {
                // Windows close on the wall clock: each look moves it past the next window's end and grace.
                clock.Advance(posting.WindowSize + posting.GracePeriod);
                return pipeline.Read(Topics.JournalPostings, serDes).Select(j => j.Value).ToList();
            },
            posted =>
            {
                var missing = contributions.Except(posted.SelectMany(j => j.lines.SelectMany(l => l.sourceIds).Select(id => $"{j.legalEntityId}/{id}"))).ToList();
                return missing.Count == 0 ? null : $"{missing.Count}: {string.Join(", ", missing.Take(10))}";
            });

        AcceptanceAssertions.Records(model, data, pipeline.Read(Topics.ApprovedExpenses, serDes).Select(a => a.Value).ToList(),
            pipeline.Read(Topics.ExpenseDeadLetters, serDes).Select(d => d.Value).ToList(),
            pipeline.Read(Topics.IngestDeadLetters, serDes).Select(d => d.Value).Where(d => d.processor.StartsWith($"connector.e2e-", StringComparison.Ordinal)).ToList(),
            pipeline.Read(Topics.MasterDataDeadLetters, serDes).Select(d => d.Value).ToList());
        EndToEndPipeline.AssertBalanced(journals);
        AcceptanceAssertions.Journals(model, journals);
        Assert.All(ingest, r => Assert.True(r.Result.IsBalanced, r.Result.ToString()));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{closedPeriod}/{rounding}: {data.Records.Count} records, {journals.Count} journals, {elapsed.Elapsed.TotalSeconds:0.0} s{Environment.NewLine}{AcceptanceModelRun.Table(model)}");
    }

    /// <summary>Drops the files of <paramref name="phase"/> into their profiles' inboxes and runs one connector scan per profile.</summary>
    private static async Task<List<(string Connector, IngestResult Result)>> DropAsync(
        EndToEndPipeline pipeline, AcceptanceDataset data, int phase, string root, KafkaOptions kafka, SerDesFactory serDes, ConnectorMetrics connectorMetrics, CancellationToken ct)
    {
        var files = data.Files.Where(f => f.Phase == phase)
            .Select(f => new VendorFile(f.Profile, Path.GetFileName(f.Path), File.ReadAllText(f.Path), []))
            .ToList();
        var inboxes = EndToEndPipeline.DropFiles(files, root);
        return await pipeline.RunConnectorsAsync(files, inboxes, kafka, serDes, connectorMetrics, ct);
    }

    private static string ExpenseId(ModelOutcome outcome) => outcome.Record.Line!.ExpenseId;

    /// <summary>The topology's counters under the model's names (<c>lines/approved</c>, <c>purchases/card/merged</c>, ...).</summary>
    private static SortedDictionary<string, int> Counters(ExpenseMetrics counters, IEnumerable<string> expected)
    {
        var names = expected.Concat(
            new[] { "approved", "dead_lettered", "duplicate", "held", "released" }.Select(o => $"lines/{o}")
                .Concat(new[] { "held", "documented", "duplicate", "undocumented" }.Select(o => $"cards/{o}"))
                .Concat(from side in new[] { "report_line", "card" } from o in new[] { "posted", "merged", "waiting", "conflict", "duplicate" } select $"purchases/{side}/{o}"));
        var seen = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in names.Distinct())
        {
            var parts = name.Split('/');
            var value = parts[0] switch
            {
                "lines" => counters.Lines(parts[1]),
                "cards" => counters.Cards(parts[1]),
                _ => counters.Purchases(parts[1], parts[2]),
            };
            if (value > 0)
                seen[name] = (int)value;
        }
        return seen;
    }

    private static string? Difference(SortedDictionary<string, int> expected, SortedDictionary<string, int> seen)
    {
        var differences = expected.Keys.Union(seen.Keys).Where(k => expected.GetValueOrDefault(k) != seen.GetValueOrDefault(k))
            .Select(k => $"{k} {seen.GetValueOrDefault(k)} (model {expected.GetValueOrDefault(k)})").ToList();
        return differences.Count == 0 ? null : string.Join(", ", differences);
    }
}

/// <summary>The acceptance run with <c>Expenses:ClosedPeriod=RollForward</c> and commercial rounding (the defaults).</summary>
public sealed class RollForwardAcceptanceScenario(EmbeddedKafkaStackFixture fixture)
    : AcceptanceScenarios(fixture, ClosedPeriodPolicy.RollForward, MidpointRounding.AwayFromZero), IClassFixture<EmbeddedKafkaStackFixture>;

/// <summary>The acceptance run with <c>Expenses:ClosedPeriod=DeadLetter</c> and banker's rounding (<c>Expenses:Rounding=ToEven</c>).</summary>
public sealed class DeadLetterAcceptanceScenario(EmbeddedKafkaStackFixture fixture)
    : AcceptanceScenarios(fixture, ClosedPeriodPolicy.DeadLetter, MidpointRounding.ToEven), IClassFixture<EmbeddedKafkaStackFixture>;
