using Confluent.Kafka;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Producing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Transactions;
using StreamFinance.IntegrationTests.Processes;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.IntegrationTests.Pipelines;

/// <summary>
/// A known input: the sample world's master data and a number of distinct expense lines drawn from the sample-data
/// generator with a fixed seed and a fixed date, so that two runs of one test get the same records, byte for byte. Lines
/// end approved or dead-lettered by the expense topology (inactive cost center, policy limits, missing receipts); the
/// generator's card transactions, which wait for a matching line for 30 days, are left out.
/// </summary>
public sealed class ExpenseWorkload
{
    private readonly IReadOnlyList<GeneratedRecord> masterData;

    private ExpenseWorkload(SampleWorld world, IReadOnlyList<GeneratedRecord> masterData, IReadOnlyList<ExpenseLine> lines)
    {
        World = world;
        this.masterData = masterData;
        Lines = lines;
    }

    /// <summary>The expense lines, in the order they are produced.</summary>
    public IReadOnlyList<ExpenseLine> Lines { get; }

    /// <summary>The lines' idempotency keys.</summary>
    public IReadOnlyList<string> Keys => Lines.Select(l => l.envelope.idempotencyKey).ToList();

    /// <summary>The sample world the master data describes.</summary>
    public SampleWorld World { get; }

    /// <summary><paramref name="lines"/> distinct lines of seed <paramref name="seed"/>, dated from <paramref name="today"/> back up to 9 days.</summary>
    public static ExpenseWorkload Create(int seed, int lines, DateTime today)
    {
        var generator = new SampleDataGenerator(seed, () => today);
        var drawn = new SampleDataGenerator(seed, () => today);
        var keys = new HashSet<string>();
        var expenseLines = new List<ExpenseLine>(lines);
        while (expenseLines.Count < lines)
            if (drawn.NextTransaction().Value is ExpenseLine line && keys.Add(line.envelope.idempotencyKey))
                expenseLines.Add(line);
        // Drawn once: the generator's event ids come from its seeded random, so every broker gets the same records.
        return new ExpenseWorkload(generator.World, generator.MasterData().ToList(), expenseLines);
    }

    /// <summary>Produces the master data to <c>md.updates</c> and waits for every acknowledgement.</summary>
    public async Task ProduceMasterDataAsync(BrokerProcess broker, CancellationToken ct)
    {
        using var producer = Producer(broker, "workload-master-data");
        foreach (var record in masterData)
            await producer.ProduceAsync(record.Topic, record.Key, record.Value, ct);
    }

    /// <summary>
    /// Waits until the master-data topology of <paramref name="runs"/> (instances of one application share its partitions)
    /// has read every master-data update and its output to <c>md.history</c> has settled, then 2 s more for the expense
    /// topology's global table to read it. Lines produced earlier race the master data: a line dated in a closed accounting
    /// period is dead-lettered <c>CLOSED_PERIOD</c> when the closed period is known and the open one it would roll into is
    /// not yet (found by these scenarios: the same line was approved in one run and dead-lettered in another), so the
    /// outcome would depend on timing, not on the instances.
    /// </summary>
    public async Task AwaitMasterDataAsync(params PipelineRun[] runs)
    {
        async Task<(double Consumed, double History)> ReadAsync()
        {
            var metrics = await Task.WhenAll(runs.Select(r => r.MetricsAsync()));
            return (metrics.Sum(m => m.Value("streamfinance_records_consumed_total", ("topology", "master-data"), ("topic", Topics.MasterDataUpdates.Name)) ?? 0),
                metrics.Sum(m => m.Value("streamfinance_records_produced_total", ("topology", "master-data"), ("topic", Topics.MasterDataHistory.Name)) ?? 0));
        }

        var last = (Consumed: 0d, History: -1d);
        await StreamFinance.TestSupport.Waiting.Wait.UntilAsync($"the {masterData.Count} master-data updates to be read into md.history", TimeSpan.FromSeconds(60),
            async () =>
            {
                var (previous, now) = (last, await ReadAsync());
                last = now;
                return (Previous: previous, Now: now);
            },
            r => r.Now.Consumed >= masterData.Count && r.Now.History > 0 && r.Now.History == r.Previous.History,
            r => $"{r.Now.Consumed} updates read, {r.Now.History} history records written", TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Produces lines <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1 to
    /// <c>ingest.expenses</c>, <paramref name="perSecond"/> a second, without waiting for each acknowledgement (a broker that
    /// is down delays its partitions' records, not the others'), then waits until every one is acknowledged.
    /// </summary>
    public async Task ProduceLinesAsync(BrokerProcess broker, int from, int count, int perSecond, CancellationToken ct)
    {
        using var producer = Producer(broker, "workload-lines");
        var failures = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = from; i < from + count; i++)
        {
            var line = Lines[i];
            producer.Produce(Topics.Expenses, line.expenseId, line, report =>
            {
                if (report.Error.IsError)
                    lock (failures)
                        failures.Add($"{report.Message.Key}: {report.Error.Reason}");
            });
            // Read the clock once: between two reads the wait can turn negative, which Task.Delay refuses.
            var wait = TimeSpan.FromSeconds((double)(i - from + 1) / perSecond) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, ct);
        }
        var left = await Task.Run(() => producer.Flush(TimeSpan.FromSeconds(60)), ct);
        Assert.True(left == 0 && failures.Count == 0, $"{left} line(s) not acknowledged, {failures.Count} refused: {string.Join("; ", failures.Take(5))}");
    }

    private static CanonicalRecordProducer Producer(BrokerProcess broker, string name) => new(
        new KafkaOptions { BootstrapServers = broker.BootstrapServers, ClientIdPrefix = name },
        SerDesFactory.FromOptions(new SchemaRegistryOptions { Url = broker.SchemaRegistryUrl }),
        name);
}
