namespace StreamFinance.Embedded.Tests.SchemaRegistry;

/// <summary>
/// Confluent's error codes written out literally, so the tests pin the wire contract
/// rather than whatever the production constants say.
/// </summary>
internal static class SchemaRegistryErrorCodesForTests
{
    public const int SubjectNotFound = 40401;
    public const int VersionNotFound = 40402;
    public const int SchemaNotFound = 40403;
    public const int SubjectLevelCompatibilityNotConfigured = 40408;
    public const int Incompatible = 409;
    public const int InvalidSchema = 42201;
    public const int InvalidVersion = 42202;
    public const int InvalidCompatibilityLevel = 42203;
}
