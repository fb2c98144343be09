namespace StreamFinance.Host.Provisioning;

/// <summary>What <c>topics apply</c> found or did for one topic.</summary>
public enum ProvisionAction
{
    /// <summary>The topic did not exist and was created.</summary>
    Created,

    /// <summary>The topic exists with the wanted partitions and configs.</summary>
    Unchanged,

    /// <summary>The topic exists but differs; <see cref="ProvisionOutcome.Detail"/> says how. Nothing was changed.</summary>
    Mismatch,

    /// <summary>Creating the topic failed; <see cref="ProvisionOutcome.Detail"/> says why.</summary>
    Failed,
}

/// <summary>One line of the <c>topics apply</c> report.</summary>
public sealed record ProvisionOutcome(TopicRequirement Topic, ProvisionAction Action, string Detail = "");
