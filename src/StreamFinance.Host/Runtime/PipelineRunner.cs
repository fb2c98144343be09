using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamFinance.Host.Catalog;
using StreamFinance.Host.Cli;
using StreamFinance.Host.Logging;
using StreamFinance.Host.Observability;
using StreamFinance.Host.Provisioning;
using StreamFinance.Topologies;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// The body of <c>demo</c> and <c>run</c>: check the stack answers, create every topic something writes (planned ones
/// are left out, see <see cref="ProductTopicUsage"/>), then run the topologies
/// (and the generator and live view when asked) until the duration ends or the process is stopped, serving
/// <c>/metrics</c> and <c>/health</c> meanwhile.
/// </summary>
public static class PipelineRunner
{
    /// <summary>Runs the pipeline; returns the process exit code.</summary>
    /// <exception cref="Configuration.ConfigurationException">
    /// A connector's profile cannot be resolved, or a listener (metrics, validation API, webhook) or folder (state, file
    /// drop) cannot be used; found by <see cref="PipelinePreflight"/> before any topic is created.
    /// </exception>
    public static async Task<int> RunAsync(PipelineOptions options, TextWriter output, CancellationToken ct)
    {
        var settings = options.Settings;
        ConnectorProfileResolver.CheckAll(settings.Connectors, options.Mappers, options.Formats, options.Outbound);
        PipelinePreflight.For(settings).ThrowIfAnyProblem();
        await DependencyProbe.CheckAsync(settings.Kafka, settings.SchemaRegistry, ct);

        var serDes = SerDesFactory.FromOptions(settings.SchemaRegistry);
        var topologies = options.Topologies ?? TopologyCatalog.All;
        var required = RequiredTopics.For(settings.Streams, topologies, serDes, ProductTopicUsage.ForPipeline(topologies, settings.Connectors, options.Mappers), settings.Audit);
        var outcomes = await options.Provisioner.ApplyAsync(required, ct);
        TopicReport.Write(output, options.Provisioner.Target, outcomes, TopicReport.Detail.Problems);
        if (outcomes.Any(o => o.Action == ProvisionAction.Failed || (o.Action == ProvisionAction.Mismatch && o.Detail.Contains("partitions", StringComparison.Ordinal))))
        {
            output.WriteLine("streamfinance: topics are missing or have the wrong partition count; fix them (see above) before starting.");
            return ExitCodes.Failed;
        }

        await using var app = PipelineHost.Build(options, topologies, serDes, required, output);
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("StreamFinance.Host")
            .LogInformation("Effective settings: {Settings}", EffectiveSettings.Describe(settings));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (!await StartAsync(app, options, ct))
            return ExitCodes.Ok;
        // The duration is how long the pipeline runs once started: a slow start does not eat into it.
        if (options.Duration is { } duration)
            stop.CancelAfter(duration);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await app.StopAsync(CancellationToken.None);
        if (app.Services.GetServices<IHostedService>().OfType<LiveView>().FirstOrDefault() is { } liveView)
            output.WriteLine(liveView.Summary());
        return ExitCodes.Ok;
    }

    // False when the process was stopped while starting.
    private static async Task<bool> StartAsync(WebApplication app, PipelineOptions options, CancellationToken ct)
    {
        try
        {
            await app.StartAsync(ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await app.StopAsync(CancellationToken.None);
            return false;
        }
        catch (Exception e) when (ObservabilityEndpoints.ListenFailure(e, options.Settings.Observability) is { } failure)
        {
            await app.StopAsync(CancellationToken.None);
            throw failure;
        }
    }
}
