namespace StreamFinance.IntegrationTests.EndToEnd;

/// <summary>What <see cref="OutcomeAudit"/> counted on the topics, and every invariant it found broken.</summary>
/// <param name="Inputs">Lines written into the dropped files, re-deliveries and unmappable lines included.</param>
/// <param name="Ingested">Records on <c>ingest.expenses</c>, connector replays after a crash included.</param>
/// <param name="Approved">Distinct idempotency keys approved.</param>
/// <param name="ExpenseDeadLetters">Distinct idempotency keys the expense topology dead-lettered.</param>
/// <param name="IngestDeadLetters">Distinct file:line origins the connectors dead-lettered as unmappable.</param>
/// <param name="Held">Lines held for master data, by the hold gauge; null when not read.</param>
/// <param name="Journals">Distinct reconciliation ids posted.</param>
/// <param name="JournalRepeats">Journals emitted again under an id already posted, with the same content.</param>
/// <param name="JournalsSuperseded">Journals of a window closed just before a SIGKILL and closed again after it, under the same id with other expenses: on the embedded broker, the visible part of a transaction the kill aborted (see <see cref="OutcomeAudit"/>).</param>
/// <param name="ReapprovedAfterKill">Approvals repeated after a SIGKILL that fell at most 5 s after the first: on the embedded broker, the visible part of a transaction the kill aborted; each such line must still post once.</param>
/// <param name="DuplicatesAbsorbed">Records on <c>ingest.expenses</c> beyond one per idempotency key (re-deliveries in the files and connector replays), which the expense topology's dedupe dropped.</param>
/// <param name="Lost">Lines planned to be approved or dead-lettered that ended in neither.</param>
/// <param name="DoublePosted">Expenses in two journals of one entity, plus lines approved twice.</param>
/// <param name="Unbalanced">Journals whose debits, credits and control totals differ.</param>
/// <param name="Violations">Every invariant broken, one sentence each; empty when all hold.</param>
public sealed record OutcomeAuditResult(
    int Inputs,
    int Ingested,
    int Approved,
    int ExpenseDeadLetters,
    int IngestDeadLetters,
    int? Held,
    int Journals,
    int JournalRepeats,
    int JournalsSuperseded,
    int ReapprovedAfterKill,
    int DuplicatesAbsorbed,
    int Lost,
    int DoublePosted,
    int Unbalanced,
    IReadOnlyList<string> Violations)
{
    /// <summary>Every line dead-lettered, by the expense topology or by its connector.</summary>
    public int DeadLettered => ExpenseDeadLetters + IngestDeadLetters;
}
