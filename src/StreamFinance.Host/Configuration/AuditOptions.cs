using System.Globalization;
using StreamFinance.Contracts.Catalog;

namespace StreamFinance.Host.Configuration;

/// <summary>
/// The audit trail's settings, bound from the <c>Audit</c> section, e.g. <c>"Audit": { "RetentionDays": 3653 }</c>.
/// </summary>
public sealed class AuditOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Audit";

    /// <summary>Least retention accepted: 365 days (an audit trail kept less than a year is no audit trail).</summary>
    public const int MinRetentionDays = 365;

    /// <summary>
    /// How long <c>audit.events</c> keeps its records, in days (its <c>retention.ms</c>, set when <c>topics apply</c>,
    /// <c>run</c> or <c>broker</c> creates the topic). Default 2557: seven years of 365.25 days. An existing topic is
    /// not changed: <c>topics apply</c> reports the difference (change it with <c>kafka-configs --alter</c>). At least
    /// <see cref="MinRetentionDays"/>.
    /// </summary>
    public int RetentionDays { get; set; } = (int)Topics.AuditRetention.TotalDays;

    /// <summary>The retention as a time span.</summary>
    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);

    /// <summary>The topic configs of <c>audit.events</c> with this retention.</summary>
    public IReadOnlyDictionary<string, string> EventsTopicConfigs() =>
        new Dictionary<string, string>(Topics.AuditEvents.KafkaConfigs())
        {
            ["retention.ms"] = ((long)Retention.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        };

    /// <summary>Every problem with these settings, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate()
    {
        if (RetentionDays < MinRetentionDays)
            yield return $"{Section}:RetentionDays is {RetentionDays}: keep the audit trail at least {MinRetentionDays} days (the default, 2557, is seven years); archive it before Kafka deletes it (see the README).";
    }
}
