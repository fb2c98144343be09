namespace StreamFinance.Embedded.SchemaRegistry;

/// <summary>
/// The <c>error_code</c> values Confluent Schema Registry puts in its error bodies
/// (<c>{"error_code":N,"message":"..."}</c>). The embedded registry uses the same numbers so that
/// clients behave exactly as they would against the real server.
/// </summary>
public static class SchemaRegistryErrorCodes
{
    /// <summary>HTTP 404: the subject does not exist (or all its versions are soft-deleted).</summary>
    public const int SubjectNotFound = 40401;

    /// <summary>HTTP 404: the subject exists but has no such version.</summary>
    public const int VersionNotFound = 40402;

    /// <summary>HTTP 404: no schema with that id (or not registered under that subject).</summary>
    public const int SchemaNotFound = 40403;

    /// <summary>HTTP 404: the subject has no subject-level compatibility configured.</summary>
    public const int SubjectLevelCompatibilityNotConfigured = 40408;

    /// <summary>HTTP 409: the schema is incompatible with earlier versions under the subject's compatibility level.</summary>
    public const int IncompatibleSchema = 409;

    /// <summary>HTTP 422: the schema does not parse, or its type is not supported.</summary>
    public const int InvalidSchema = 42201;

    /// <summary>HTTP 422: the version is neither a positive integer nor <c>latest</c>.</summary>
    public const int InvalidVersion = 42202;

    /// <summary>HTTP 422: the compatibility level is not one of the seven Confluent levels.</summary>
    public const int InvalidCompatibilityLevel = 42203;

    /// <summary>HTTP 500: the store failed unexpectedly.</summary>
    public const int StoreError = 50001;
}
