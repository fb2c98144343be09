namespace StreamFinance.Connectors.ErpSink;

/// <summary>
/// An ERP answer (confirmation, audit event or dead letter) that Kafka did not acknowledge: the sink does not commit
/// past the posting, which is sent again (the ERP's idempotency key keeps it one document) once Kafka takes writes.
/// </summary>
public sealed class AnswerNotRecordedException(string connector, string posting, string error, Exception? inner = null)
    : Exception($"ERP sink {connector}: the answer to {posting} was not recorded ({error}); the posting stays uncommitted and is sent again.", inner);
