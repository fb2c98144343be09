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
    private readonly SampleDataGenerator generator;

    private ExpenseWorkload(SampleDataGenerator generator, IReadOnlyList<ExpenseLine> lines)
    {
        this.generator = generator;
        Lines = lines;
    }

    /// <summary>The expense lines, in the order they are produced.</summary>
    public IReadOnlyList<ExpenseLine> Lines { get; }

    /// <summary>The lines' idempotency keys.</summary>
    public IReadOnlyList<string> Keys => Lines.Select(l => l.envelope.idempotencyKey).ToList();

    /// <summary>The sample world the master data describes.</summary>
    public SampleWorld World => generator.World;

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
        return new ExpenseWorkload(generator, expenseLines);
    }

    /// <summary>Produces the master data to <c>md.updates</c> and waits for every acknowledgement.</summary>
    public async Task ProduceMasterDataAsync(BrokerProcess broker, CancellationToken ct)
    {
        using var producer = Producer(broker, "workload-master-data");
        foreach (var record in generator.MasterData())
            await producer.ProduceAsync(record.Topic, record.Key, record.Value, ct);
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
            var due = TimeSpan.FromSeconds((double)(i - from + 1) / perSecond);
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed, ct);
        }
        var left = await Task.Run(() => producer.Flush(TimeSpan.FromSeconds(60)), ct);
        Assert.True(left == 0 && failures.Count == 0, $"{left} line(s) not acknowledged, {failures.Count} refused: {string.Join("; ", failures.Take(5))}");
    }

    private static CanonicalRecordProducer Producer(BrokerProcess broker, string name) => new(
        new KafkaOptions { BootstrapServers = broker.BootstrapServers, ClientIdPrefix = name },
        SerDesFactory.FromOptions(new SchemaRegistryOptions { Url = broker.SchemaRegistryUrl }),
        name);
}
