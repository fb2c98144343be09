namespace StreamFinance.Host.Provisioning;

/// <summary>Creates the required topics on one kind of cluster, idempotently: existing topics are checked, never altered.</summary>
public interface ITopicProvisioner
{
    /// <summary>Where the topics go, for the report (for example "Kafka at kafka:9092").</summary>
    string Target { get; }

    /// <summary>Creates what is missing and reports every topic's outcome.</summary>
    Task<IReadOnlyList<ProvisionOutcome>> ApplyAsync(IReadOnlyList<TopicRequirement> topics, CancellationToken ct);
}
