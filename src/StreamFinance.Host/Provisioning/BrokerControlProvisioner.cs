using System.Net.Http.Json;
using StreamFinance.Embedded.Broker;

namespace StreamFinance.Host.Provisioning;

/// <summary>
/// Creates topics on an embedded broker running in another process (<c>streamfinance broker</c>), through its
/// control channel, which calls the mock API inside the broker's process. Only partition counts are checked: the
/// mock keeps no topic configs.
/// </summary>
public sealed class BrokerControlProvisioner(string controlUrl) : ITopicProvisioner
{
    /// <inheritdoc />
    public string Target => $"embedded broker controlled at {controlUrl}";

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProvisionOutcome>> ApplyAsync(IReadOnlyList<TopicRequirement> topics, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = new Uri(controlUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(10) };
        var existing = await http.GetFromJsonAsync<Dictionary<string, int>>("topics", ct)
            ?? throw new InvalidOperationException($"The broker control channel at {controlUrl} returned no topic list.");
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
            using var response = await http.PostAsJsonAsync("topics", missing.Select(t => new BrokerControlServer.TopicRequest(t.Name, t.Partitions)), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            outcomes.AddRange(missing.Select(t => response.IsSuccessStatusCode
                ? new ProvisionOutcome(t, ProvisionAction.Created, $"partitions={t.Partitions} (the embedded broker keeps no topic configs)")
                : new ProvisionOutcome(t, ProvisionAction.Failed, $"{(int)response.StatusCode}: {body}")));
        }
        var order = topics.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i);
        return outcomes.OrderBy(o => order[o.Topic.Name]).ToList();
    }
}
