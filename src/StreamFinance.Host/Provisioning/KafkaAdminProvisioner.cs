using Confluent.Kafka;
using Confluent.Kafka.Admin;
using StreamFinance.Kafka.Configuration;

namespace StreamFinance.Host.Provisioning;

/// <summary>
/// Creates topics on real Kafka through the Admin API, with their configs. Existing topics are compared with the
/// requirement (partition count, cleanup.policy, retention.ms, ...) and differences reported, never silently changed:
/// shrinking partitions is impossible and changing retention on a finance topic is a decision for a person.
/// </summary>
public sealed class KafkaAdminProvisioner(KafkaOptions kafka, short replicationFactor = -1) : ITopicProvisioner
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    /// <inheritdoc />
    public string Target => $"Kafka at {kafka.BootstrapServers}";

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProvisionOutcome>> ApplyAsync(IReadOnlyList<TopicRequirement> topics, CancellationToken ct)
    {
        using var admin = new AdminClientBuilder(kafka.ApplyTo(new AdminClientConfig(), "topics")).Build();
        var metadata = admin.GetMetadata(RequestTimeout);
        var existing = metadata.Topics.Where(t => t.Error.Code == ErrorCode.NoError)
            .ToDictionary(t => t.Topic, t => t.Partitions.Count, StringComparer.Ordinal);

        var outcomes = new List<ProvisionOutcome>();
        var present = topics.Where(t => existing.ContainsKey(t.Name)).ToList();
        if (present.Count > 0)
            outcomes.AddRange(await CompareAsync(admin, present, existing));

        var missing = topics.Where(t => !existing.ContainsKey(t.Name)).ToList();
        if (missing.Count > 0)
            outcomes.AddRange(await CreateAsync(admin, missing));

        var order = topics.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i);
        return outcomes.OrderBy(o => order[o.Topic.Name]).ToList();
    }

    private async Task<IEnumerable<ProvisionOutcome>> CreateAsync(IAdminClient admin, List<TopicRequirement> missing)
    {
        var specs = missing.Select(t => new TopicSpecification
        {
            Name = t.Name,
            NumPartitions = t.Partitions,
            ReplicationFactor = replicationFactor,
            Configs = t.Configs.ToDictionary(c => c.Key, c => c.Value),
        });
        try
        {
            await admin.CreateTopicsAsync(specs, new CreateTopicsOptions { RequestTimeout = RequestTimeout, OperationTimeout = RequestTimeout });
            return missing.Select(t => new ProvisionOutcome(t, ProvisionAction.Created, Describe(t)));
        }
        catch (CreateTopicsException e)
        {
            var byName = e.Results.ToDictionary(r => r.Topic);
            return missing.Select(t => byName.TryGetValue(t.Name, out var r) && r.Error.Code is not ErrorCode.NoError and not ErrorCode.TopicAlreadyExists
                ? new ProvisionOutcome(t, ProvisionAction.Failed, r.Error.Reason)
                : new ProvisionOutcome(t, ProvisionAction.Created, Describe(t)));
        }
    }

    private static async Task<IEnumerable<ProvisionOutcome>> CompareAsync(IAdminClient admin, List<TopicRequirement> present, Dictionary<string, int> partitions)
    {
        List<DescribeConfigsResult> described;
        try
        {
            described = await admin.DescribeConfigsAsync(
                present.Select(t => new ConfigResource { Type = ResourceType.Topic, Name = t.Name }),
                new DescribeConfigsOptions { RequestTimeout = RequestTimeout });
        }
        catch (KafkaException e)
        {
            // Without configs nothing can be compared: say so for every topic rather than report them as fine.
            return present.Select(t => new ProvisionOutcome(t, ProvisionAction.Failed,
                $"could not read the topic configs ({e.Error.Reason}); an embedded broker needs --broker-control"));
        }
        var configs = described.ToDictionary(d => d.ConfigResource.Name, d => d.Entries);
        return present.Select(t =>
        {
            var differences = new List<string>();
            if (partitions[t.Name] != t.Partitions)
                differences.Add($"partitions: want {t.Partitions}, found {partitions[t.Name]}");
            var actual = configs.GetValueOrDefault(t.Name);
            foreach (var (key, want) in t.Configs)
            {
                var found = actual is not null && actual.TryGetValue(key, out var entry) ? entry.Value : null;
                if (!string.Equals(found, want, StringComparison.Ordinal))
                    differences.Add($"{key}: want {want}, found {found ?? "(unset)"}");
            }
            return differences.Count == 0
                ? new ProvisionOutcome(t, ProvisionAction.Unchanged)
                : new ProvisionOutcome(t, ProvisionAction.Mismatch, string.Join("; ", differences));
        });
    }

    internal static string Describe(TopicRequirement t) =>
        $"partitions={t.Partitions} " + string.Join(' ', t.Configs.Select(c => $"{c.Key}={c.Value}"));
}
