using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Generator;

/// <summary>
/// The generator as a connector, on the same <see cref="IngestPipeline"/> as every other: writes the sample master data
/// once (source <c>master-data</c>, skipped when already committed), then a <see cref="SyntheticRecordStream"/> at
/// <see cref="GeneratorConnectorOptions.RecordsPerSecond"/>, in ticks of 100 ms, committing its position about once a
/// second. After a restart it re-creates the stream from its seed and resumes after the committed record. Its ticks are
/// logged at Debug; at Information it logs one summary a minute (<see cref="SummaryInterval"/>, by the connector's clock).
/// </summary>
public sealed class GeneratorConnector(ConnectorContext context, GeneratorConnectorOptions options, Func<DateTime>? clock = null) : IConnector
{
    /// <summary>Offset source of the master data.</summary>
    public const string MasterDataSource = "master-data";

    // Invalid records are part of the sample data, so their dead letters are logged at Debug, not Warning; ten ticks a
    // second would drown the log at Information, so ticks are Debug too and a summary is logged once a minute.
    private readonly IngestPipeline pipeline = new(context) { DeadLetterLogLevel = LogLevel.Debug, BatchLogLevel = LogLevel.Debug };
    private long produced;

    /// <summary>How often the Information summary of the ticks is logged. One minute.</summary>
    public static TimeSpan SummaryInterval { get; } = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public string Name => context.Name;

    /// <inheritdoc />
    public ConnectorHealth Health => context.Health;

    /// <summary>Records acknowledged on their canonical topics so far.</summary>
    public long Produced => Interlocked.Read(ref produced);

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            var offsets = await context.Offsets.LoadAsync(context.Name, ct).ConfigureAwait(false);
            var generator = new SampleDataGenerator(options.Seed, clock);
            context.Health.Started();
            if (options.WriteMasterData && offsets.GetValueOrDefault(MasterDataSource) is not { completed: true })
            {
                var line = 0L;
                var items = generator.MasterData().Select(r => IngestItem.Mapped(
                    new SourcePosition(MasterDataSource, ++line), ReadOnlyMemory<byte>.Empty, "generator@1", r.Topic, new MappedRecord(r.Key, r.Value)));
                var result = await pipeline.IngestAsync(new IngestBatch(MasterDataSource, items) { CompletesSource = true }, ct).ConfigureAwait(false);
                Interlocked.Add(ref produced, result.Produced);
                context.Logger.LogInformation("Generator {Connector} wrote the sample master data ({Count} records)", Name, result.Produced);
            }
            else if (options.WriteMasterData)
                _ = generator.MasterData().Count(); // Same random draws as the first run, so the transactions that follow are the same.

            await RunTransactionsAsync(generator, offsets.GetValueOrDefault(SyntheticRecordStream.Source), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            context.Health.Stopped();
        }
    }

    private async Task RunTransactionsAsync(SampleDataGenerator generator, Contracts.Outputs.ConnectorOffset? committed, CancellationToken ct)
    {
        var stream = new SyntheticRecordStream(generator, options);
        var resumeAfter = committed?.line ?? 0;
        var total = committed?.recordsCommitted ?? 0;
        while (stream.Line < resumeAfter)
            stream.Next(); // Re-create, do not re-send, what was acknowledged before the restart.

        var perTick = Math.Max(1, options.RecordsPerSecond / 10);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1000.0 * perTick / options.RecordsPerSecond));
        var lastCommit = DateTime.UtcNow;
        var summary = new TickSummary(context.Clock.GetUtcNow());
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
        {
            var items = new List<IngestItem>(perTick);
            for (var i = 0; i < perTick; i++)
                items.Add(stream.Next());
            var commit = DateTime.UtcNow - lastCommit >= TimeSpan.FromSeconds(1);
            try
            {
                var result = await pipeline.IngestAsync(new IngestBatch(SyntheticRecordStream.Source, items)
                {
                    CommitOffsets = commit, RecordsCommittedBefore = total, CommitEveryRecords = int.MaxValue,
                }, ct).ConfigureAwait(false);
                total += result.Read;
                Interlocked.Add(ref produced, result.Produced);
                summary.Add(result);
                if (summary.Due(context.Clock.GetUtcNow(), SummaryInterval) is { } elapsed)
                {
                    context.Logger.LogInformation("Generator {Connector} in the last {Seconds} s: read {Read} = produced {Produced} + dead-lettered {DeadLettered}; {Total} records since start",
                        Name, (long)elapsed.TotalSeconds, summary.Read, summary.Produced, summary.DeadLettered, Produced);
                    summary = new TickSummary(context.Clock.GetUtcNow());
                }
                if (commit)
                    lastCommit = DateTime.UtcNow;
                context.Health.Succeeded();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                context.Health.Failed(e.Message);
                context.Logger.LogError(e, "Generator {Connector} could not write a tick; it goes on with the next", Name);
            }
        }
    }

    /// <summary>The ticks since <paramref name="Since"/>, summed for the periodic summary.</summary>
    private sealed class TickSummary(DateTimeOffset Since)
    {
        public long Read { get; private set; }

        public long Produced { get; private set; }

        public long DeadLettered { get; private set; }

        public void Add(IngestResult result) => (Read, Produced, DeadLettered) = (Read + result.Read, Produced + result.Produced, DeadLettered + result.DeadLettered);

        /// <summary>The time since <c>Since</c> when a summary is due at <paramref name="now"/>, else null.</summary>
        public TimeSpan? Due(DateTimeOffset now, TimeSpan interval) => now - Since >= interval ? now - Since : null;
    }
}
