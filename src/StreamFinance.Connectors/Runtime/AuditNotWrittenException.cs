namespace StreamFinance.Connectors.Runtime;

/// <summary>
/// Kafka did not store the audit event of a record a connector ingested. The batch stops there and nothing after the
/// record is committed, so a restart sends the record and its audit events again (same deterministic event ids); an
/// ingested record is never left without its audit trail.
/// </summary>
public sealed class AuditNotWrittenException : Exception
{
    /// <summary>The audit event of the record at <paramref name="position"/> of connector <paramref name="connector"/> was refused with <paramref name="error"/>.</summary>
    public AuditNotWrittenException(string connector, string position, string error, Exception? inner = null)
        : base($"Connector {connector}: Kafka did not store the audit event of the record at {position} ({error}); the batch stops here and resumes from its last committed position after a restart.", inner)
    {
    }

    /// <summary>For serializers and tests.</summary>
    public AuditNotWrittenException()
    {
    }

    /// <summary>For serializers and tests.</summary>
    public AuditNotWrittenException(string message)
        : base(message)
    {
    }

    /// <summary>For serializers and tests.</summary>
    public AuditNotWrittenException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
