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
/// <param name="DecisionsRedone">Approvals and expense dead letters repeated with the same content: redos of inputs read again from the last commit (see <see cref="OutcomeAudit"/>); each such line still posts once.</param>
/// <param name="DuplicatesAbsorbed">Records on <c>ingest.expenses</c> beyond one per idempotency key (re-deliveries in the files and connector replays), which the expense topology's dedupe dropped.</param>
/// <param name="Lost">Lines planned to be approved or dead-lettered that ended in neither.</param>
/// <param name="DoublePosted">Expenses in two journals of one entity, plus lines approved twice other than <paramref name="DecisionsRedone"/>.</param>
/// <param name="TwoContents">Reconciliation ids posted with two different contents.</param>
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
    int DecisionsRedone,
    int DuplicatesAbsorbed,
    int Lost,
    int DoublePosted,
    int TwoContents,
    int Unbalanced,
    IReadOnlyList<string> Violations)
{
    /// <summary>Every line dead-lettered, by the expense topology or by its connector.</summary>
    public int DeadLettered => ExpenseDeadLetters + IngestDeadLetters;
}
