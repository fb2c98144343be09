using System.Net;

namespace StreamFinance.Embedded.SchemaRegistry;

/// <summary>
/// A request the <see cref="SchemaRegistryStore"/> refused, carrying the HTTP status and the Confluent
/// <c>error_code</c> (see <see cref="SchemaRegistryErrorCodes"/>) that a real Schema Registry would return.
/// </summary>
public sealed class SchemaRegistryStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SchemaRegistryStoreException(HttpStatusCode status, int errorCode, string message)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status a Schema Registry returns for this error.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The Confluent <c>error_code</c>, for example 40401.</summary>
    public int ErrorCode { get; }

    internal static SchemaRegistryStoreException SubjectNotFound(string subject) =>
        new(HttpStatusCode.NotFound, SchemaRegistryErrorCodes.SubjectNotFound,
            $"Subject '{subject}' not found. Register a schema under it first.");

    internal static SchemaRegistryStoreException VersionNotFound(string subject, string version) =>
        new(HttpStatusCode.NotFound, SchemaRegistryErrorCodes.VersionNotFound,
            $"Version {version} not found for subject '{subject}'. List versions with GET /subjects/{subject}/versions.");

    internal static SchemaRegistryStoreException SchemaIdNotFound(int id) =>
        new(HttpStatusCode.NotFound, SchemaRegistryErrorCodes.SchemaNotFound,
            $"Schema {id} not found. The id was never registered in this registry; check the producer wrote to the same registry.");

    internal static SchemaRegistryStoreException SchemaGuidNotFound(string guid) =>
        new(HttpStatusCode.NotFound, SchemaRegistryErrorCodes.SchemaNotFound,
            $"Schema with guid '{guid}' not found.");

    internal static SchemaRegistryStoreException SchemaNotInSubject(string subject) =>
        new(HttpStatusCode.NotFound, SchemaRegistryErrorCodes.SchemaNotFound,
            $"Schema not found under subject '{subject}'. Register it first, or enable auto-registration.");

    internal static SchemaRegistryStoreException InvalidSchema(string message) =>
        new(HttpStatusCode.UnprocessableEntity, SchemaRegistryErrorCodes.InvalidSchema, message);

    internal static SchemaRegistryStoreException InvalidVersion(string version) =>
        new(HttpStatusCode.UnprocessableEntity, SchemaRegistryErrorCodes.InvalidVersion,
            $"The specified version '{version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");

    internal static SchemaRegistryStoreException InvalidCompatibilityLevel(string? level) =>
        new(HttpStatusCode.UnprocessableEntity, SchemaRegistryErrorCodes.InvalidCompatibilityLevel,
            $"Invalid compatibility level '{level}'. Valid values are: {string.Join(", ", CompatibilityLevelNames.All)}");

    internal static SchemaRegistryStoreException NoSubjectCompatibility(string subject) =>
        new(HttpStatusCode.NotFound, SchemaRegistryErrorCodes.SubjectLevelCompatibilityNotConfigured,
            $"Subject '{subject}' does not have subject-level compatibility configured. Use defaultToGlobal=true to read the global level.");
}
