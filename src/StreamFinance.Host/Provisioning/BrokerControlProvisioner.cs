using System.Net.Http.Json;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using StreamFinance.Embedded.Broker;
using StreamFinance.Host.Configuration;

namespace StreamFinance.Host.Provisioning;

/// <summary>
/// Creates topics on an embedded broker running in another process (<c>streamfinance broker</c>), through its
/// control channel, which calls the mock API inside the broker's process. Only partition counts are checked: the
/// mock keeps no topic configs. Both requests are idempotent, so a request the busy broker process does not answer in
/// time is asked again (three attempts in all); when none is answered the start fails with
/// <see cref="DependencyUnavailableException"/> (exit code 3) naming the channel, never with a crash.
/// </summary>
public sealed class BrokerControlProvisioner(string controlUrl, TimeSpan? attemptTimeout = null) : ITopicProvisioner
{
    private const int Attempts = 3;
    private readonly TimeSpan timeout = attemptTimeout ?? TimeSpan.FromSeconds(20);
    private ResiliencePipeline? pipeline;

    // Both requests are idempotent: ask again when the busy broker process does not answer in time.
    private ResiliencePipeline Pipeline => pipeline ??= new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TimeoutRejectedException>(),
            MaxRetryAttempts = Attempts - 1,
            Delay = TimeSpan.FromSeconds(1),
        })
        .AddTimeout(timeout)
        .Build();

    /// <inheritdoc />
    public string Target => $"embedded broker controlled at {controlUrl}";

    /// <inheritdoc />
    /// <exception cref="DependencyUnavailableException">The control channel answered none of the attempts of a request.</exception>
    public async Task<IReadOnlyList<ProvisionOutcome>> ApplyAsync(IReadOnlyList<TopicRequirement> topics, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(controlUrl.TrimEnd('/') + "/"), Timeout = Timeout.InfiniteTimeSpan };
        var existing = await AskAsync(token => http.GetFromJsonAsync<Dictionary<string, int>>("topics", token), "GET /topics", ct)
            ?? throw new DependencyUnavailableException($"The broker control channel at {controlUrl} returned no topic list.");
        var outcomes = new List<ProvisionOutcome>(topics.Count);
        var missing = new List<TopicRequirement>();
        foreach (var topic in topics)
        {
            if (!existing.TryGetValue(topic.Name, out var partitions))
                missing.Add(topic);
            else if (partitions == topic.Partitions)
                outcomes.Add(new ProvisionOutcome(topic, ProvisionAction.Unchanged));
            else
                outcomes.Add(new ProvisionOutcome(topic, ProvisionAction.Mismatch, $"partitions: want {topic.Partitions}, found {partitions}"));
        }
        if (missing.Count > 0)
        {
            var requests = missing.Select(t => new BrokerControlServer.TopicRequest(t.Name, t.Partitions)).ToList();
            var (ok, status, body) = await AskAsync(async token =>
            {
                using var response = await http.PostAsJsonAsync("topics", requests, token);
                return (response.IsSuccessStatusCode, (int)response.StatusCode, await response.Content.ReadAsStringAsync(token));
            }, "POST /topics", ct);
            outcomes.AddRange(missing.Select(t => ok
                ? new ProvisionOutcome(t, ProvisionAction.Created, $"partitions={t.Partitions} (the embedded broker keeps no topic configs)")
                : new ProvisionOutcome(t, ProvisionAction.Failed, $"{status}: {body}")));
        }
        var order = topics.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i);
        return outcomes.OrderBy(o => order[o.Topic.Name]).ToList();
    }

    private async Task<T> AskAsync<T>(Func<CancellationToken, Task<T>> request, string what, CancellationToken ct)
    {
        try
        {
            return await Pipeline.ExecuteAsync(async token => await request(token), ct);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            throw new DependencyUnavailableException(
                $"The broker control channel at {controlUrl} did not answer {what} ({Attempts} attempts of {timeout.TotalSeconds:0.#} s): {e.Message} " +
                "Check that 'streamfinance broker' is running and that --broker-control names its control address.", e);
        }
    }
}
