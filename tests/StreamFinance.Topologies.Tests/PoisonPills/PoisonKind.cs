namespace StreamFinance.Topologies.Tests.PoisonPills;

/// <summary>The kinds of poison pill written to every input topic (issue 14, point 4).</summary>
public enum PoisonKind
{
    /// <summary>Bytes of no format at all.</summary>
    RandomBytes,

    /// <summary>Confluent wire format with a schema id the registry does not know.</summary>
    UnknownSchemaId,

    /// <summary>A valid Confluent Avro record of another schema (a dead letter, which no input topic carries).</summary>
    AnotherSchema,

    /// <summary>A value of zero bytes.</summary>
    EmptyValue,

    /// <summary>No value at all: a tombstone.</summary>
    NullValue,

    /// <summary>1.5 MB of bytes, more than a dead letter may keep.</summary>
    OversizedValue,
}
