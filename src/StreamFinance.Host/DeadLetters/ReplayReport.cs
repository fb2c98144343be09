namespace StreamFinance.Host.DeadLetters;

/// <summary>The counts of one <c>dlq replay</c> run.</summary>
/// <param name="Read">Dead letters read from the topic (from the start or <c>--since</c>, up to its end when the run began).</param>
/// <param name="Matched">Those that passed the <c>--reason</c> and <c>--since</c> filters.</param>
/// <param name="Replayed">Those re-produced to their origin topic (0 on a dry run).</param>
/// <param name="NotReplayable">Matched dead letters without an origin topic or raw value (file records, tombstones), or masked without their connector's <c>DeadLetterSecret</c>: they must be re-sent by their source.</param>
public sealed record ReplayReport(int Read, int Matched, int Replayed, int NotReplayable)
{
    /// <summary>One line for people: <c>read 12, matched 3, replayed 3</c>.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"read {Read}, matched {Matched}, replayed {Replayed}") + (NotReplayable > 0 ? FormattableString.Invariant($", not replayable {NotReplayable} (no origin topic, no raw value, or masked sensitive values without the connector's DeadLetterSecret: re-send from the source)") : "");
}
