using System.Security.Cryptography;
using System.Text;
using Streamiz.Kafka.Net;

namespace StreamFinance.Kafka.Configuration;

/// <summary>
/// Settings shared by every Streamiz topology. Bound from the <c>Streams</c> configuration section.
/// </summary>
public sealed class StreamsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Streams";

    /// <summary>Each topology's application id is <c>{prefix}-{topology name}</c>. Default <c>streamfinance</c>.</summary>
    public string ApplicationIdPrefix { get; set; } = "streamfinance";

    /// <summary>Root of the RocksDB state directories, one sub-folder per application id. Default <c>{temp}/streamfinance-state</c>.</summary>
    public string StateDir { get; set; } = Path.Combine(Path.GetTempPath(), "streamfinance-state");

    /// <summary>
    /// ExactlyOnce (default) wraps each commit in a Kafka transaction. AtLeastOnce is faster; postings stay
    /// idempotent either way because their ids are deterministic.
    /// </summary>
    public ProcessingGuarantee ProcessingGuarantee { get; set; } = ProcessingGuarantee.EXACTLY_ONCE;

    /// <summary>Stream threads per topology. Default 1.</summary>
    public int NumStreamThreads { get; set; } = 1;

    /// <summary>Commit interval. Default 1000 ms (Kafka Streams uses 100 ms under exactly-once; raise it for throughput).</summary>
    public long CommitIntervalMs { get; set; } = 1000;

    /// <summary>
    /// Whether stream threads join their consumer groups as static members (Kafka's <c>group.instance.id</c>), so that a
    /// restarted instance takes its partitions back at once instead of waiting for the session timeout of the member it
    /// replaces (45 s). Default true. The price: partitions of an instance that never comes back wait for that timeout.
    /// </summary>
    public bool StaticMembership { get; set; } = true;

    /// <summary>
    /// This instance's name in its consumer groups when <see cref="StaticMembership"/> is on; it must stay the same across
    /// restarts and differ between instances. Default: the host name plus 8 hex digits of the full <see cref="StateDir"/>
    /// path, which is both on one machine and in a container or pod with a persistent volume. Letters, digits, '-', '_', '.'.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// How long the group coordinator waits for a silent member before it gives the member's partitions to others.
    /// Default 45000 ms (Kafka's). The heartbeat interval is a third of it, at most 3 s. The embedded broker's
    /// coordinator also waits this long (less one second) for members to rejoin whenever a member joins a non-empty
    /// group, so <c>demo</c> and <c>run --broker-control</c> use 6000 ms.
    /// </summary>
    public int SessionTimeoutMs { get; set; } = 45_000;

    /// <summary>The heartbeat interval that goes with <see cref="SessionTimeoutMs"/>: a third of it, at most 3 s.</summary>
    public int HeartbeatIntervalMs => Math.Min(3_000, SessionTimeoutMs / 3);

    /// <summary>The instance id in force: <see cref="InstanceId"/>, or the host-and-state-folder default; null when <see cref="StaticMembership"/> is off.</summary>
    public string? EffectiveInstanceId()
    {
        if (!StaticMembership)
            return null;
        if (!string.IsNullOrWhiteSpace(InstanceId))
            return InstanceId;
        var folder = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(StateDir)));
        var host = new string(Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        return $"{host}-{Convert.ToHexStringLower(folder)[..8]}";
    }

    /// <summary>Application id of one topology.</summary>
    public string ApplicationIdFor(string topologyName) => $"{ApplicationIdPrefix}-{topologyName}";

    /// <summary>Every problem with these settings, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ApplicationIdPrefix) || ApplicationIdPrefix.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            yield return $"Streams:ApplicationIdPrefix '{ApplicationIdPrefix}' must be letters, digits, '-', '_' or '.'.";
        if (string.IsNullOrWhiteSpace(StateDir))
            yield return "Streams:StateDir is empty: give a writable folder for RocksDB state.";
        if (InstanceId is { Length: > 0 } id && id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            yield return $"Streams:InstanceId '{id}' must be letters, digits, '-', '_' or '.'.";
        if (NumStreamThreads is < 1 or > 64)
            yield return $"Streams:NumStreamThreads is {NumStreamThreads}: use 1 to 64.";
        if (SessionTimeoutMs is < 3_000 or > 300_000)
            yield return $"Streams:SessionTimeoutMs is {SessionTimeoutMs}: use 3000 to 300000.";
        if (CommitIntervalMs is < 10 or > 600_000)
            yield return $"Streams:CommitIntervalMs is {CommitIntervalMs}: use 10 to 600000.";
    }
}
