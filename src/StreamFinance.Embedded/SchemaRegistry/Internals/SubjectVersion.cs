namespace StreamFinance.Embedded.SchemaRegistry.Internals;

/// <summary>One version of a subject. Soft deletion only marks it.</summary>
internal sealed class SubjectVersion(int version, StoredSchema schema)
{
    public int Version { get; } = version;

    public StoredSchema Schema { get; } = schema;

    public bool Deleted { get; set; }
}
