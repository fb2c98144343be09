namespace StreamFinance.Embedded.SchemaRegistry;

/// <summary>A subject and one of its versions, as listed by <c>GET /schemas/ids/{id}/versions</c>.</summary>
public sealed record SubjectVersionReference(string Subject, int Version);
