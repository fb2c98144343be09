namespace StreamFinance.Connectors.Runtime;

/// <summary>
/// The accounting of one <see cref="IngestBatch"/>: once it completes, every record read was either produced or
/// dead-lettered (<see cref="IsBalanced"/>). Records skipped on resume are not read again and counted apart.
/// </summary>
/// <param name="Source">The batch's source.</param>
/// <param name="Read">Records read (after the skipped ones).</param>
/// <param name="Produced">Records acknowledged on their canonical topic.</param>
/// <param name="DeadLettered">Records acknowledged on <c>dlq.ingest</c>.</param>
/// <param name="Skipped">Records at or below the resume line, acknowledged before a restart.</param>
/// <param name="CommittedLine">The line committed last; 0 when none was (a webhook body, a generator tick without a commit, a page committed by its cursor).</param>
public sealed record IngestResult(string Source, long Read, long Produced, long DeadLettered, long Skipped, long CommittedLine)
{
    /// <summary>Reason code and message of the first dead letters (at most 10), for answers such as a webhook's 422. Default empty.</summary>
    public IReadOnlyList<(string Reason, string Message)> Failures { get; init; } = [];

    /// <summary>read = produced + dead-lettered.</summary>
    public bool IsBalanced => Read == Produced + DeadLettered;

    /// <summary>Log form: <c>a.csv: read 100 = produced 97 + dead-lettered 3 (skipped 0, committed line 101)</c>; the committed line only when there is one.</summary>
    public override string ToString() =>
        $"{Source}: read {Read} = produced {Produced} + dead-lettered {DeadLettered} (skipped {Skipped}{(CommittedLine > 0 ? $", committed line {CommittedLine}" : "")})";
}
