using StreamFinance.IntegrationTests.Pipelines;
using StreamFinance.IntegrationTests.Processes;
using StreamFinance.TestSupport.Files;

namespace StreamFinance.IntegrationTests.ScaleOut;

/// <summary>
/// What one <c>run</c> instance with one stream thread makes of the scale-out workload on the 3-broker embedded cluster:
/// the outcome in comparable form and the validation API's answers. Computed once for the scale-out scenarios, which run
/// the same workload with more instances or threads and must get the same.
/// </summary>
public sealed class SingleInstanceBaseline : IAsyncLifetime
{
    /// <summary>Lines of the workload.</summary>
    public const int Lines = 240;

    /// <summary>How long a run may take to account for every line and post every approval.</summary>
    public static readonly TimeSpan OutcomePatience = TimeSpan.FromSeconds(60);

    /// <summary>The transaction date the workload counts back from.</summary>
    public DateTime Today { get; } = DateTime.SpecifyKind(DateTime.UtcNow.Date, DateTimeKind.Utc);

    /// <summary>The workload every scale-out scenario produces.</summary>
    public ExpenseWorkload Workload { get; private set; } = null!;

    /// <summary>The single instance's outcome.</summary>
    public PipelineOutputs.Comparable Outcome { get; private set; } = null!;

    /// <summary>The single instance's figures, for the test output.</summary>
    public string Figures { get; private set; } = "";

    /// <summary>The single instance's validation API answers.</summary>
    public IReadOnlyList<string> Answers { get; private set; } = [];

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        Workload = ExpenseWorkload.Create(seed: 6, Lines, Today);
        await using var broker = await BrokerProcess.StartAsync(brokers: 3);
        await Workload.ProduceMasterDataAsync(broker, TestContext.Current.CancellationToken);
        using var work = new TempDirectory("baseline");
        await using var run = await PipelineRun.StartAsync("single", broker, work.Path, new PipelineRun.Settings("scale"));
        await run.WaitReadyAsync();
        await Workload.AwaitMasterDataAsync(run);
        await Workload.ProduceLinesAsync(broker, 0, Lines, 120, TestContext.Current.CancellationToken);
        var outputs = PipelineOutputs.AwaitComplete(broker, Workload.Keys, OutcomePatience, () => $"Output:{Environment.NewLine}{run.Process.Tail()}");
        Outcome = outputs.Compare();
        Figures = outputs.Describe();
        Answers = await ApiAnswers.AskAsync(run, Workload.World, Today);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
