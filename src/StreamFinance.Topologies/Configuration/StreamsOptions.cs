using Streamiz.Kafka.Net;

namespace StreamFinance.Topologies.Configuration;

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

    /// <summary>Application id of one topology.</summary>
    public string ApplicationIdFor(string topologyName) => $"{ApplicationIdPrefix}-{topologyName}";

    /// <summary>Every problem with these settings, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ApplicationIdPrefix) || ApplicationIdPrefix.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            yield return $"Streams:ApplicationIdPrefix '{ApplicationIdPrefix}' must be letters, digits, '-', '_' or '.'.";
        if (string.IsNullOrWhiteSpace(StateDir))
            yield return "Streams:StateDir is empty: give a writable folder for RocksDB state.";
        if (NumStreamThreads is < 1 or > 64)
            yield return $"Streams:NumStreamThreads is {NumStreamThreads}: use 1 to 64.";
        if (CommitIntervalMs is < 10 or > 600_000)
            yield return $"Streams:CommitIntervalMs is {CommitIntervalMs}: use 10 to 600000.";
    }
}
