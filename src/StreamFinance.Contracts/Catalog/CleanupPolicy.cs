namespace StreamFinance.Contracts.Catalog;

/// <summary>Kafka's <c>cleanup.policy</c> of a topic.</summary>
public enum CleanupPolicy
{
    /// <summary>Segments are deleted after the retention time: event streams.</summary>
    Delete,

    /// <summary>Only the latest record per key is kept: tables such as master data.</summary>
    Compact,
}
