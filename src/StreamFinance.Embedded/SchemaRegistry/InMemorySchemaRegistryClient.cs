using System.Net;
using Confluent.SchemaRegistry;

namespace StreamFinance.Embedded.SchemaRegistry;

/// <summary>
/// An <see cref="ISchemaRegistryClient"/> that talks directly to a <see cref="SchemaRegistryStore"/>, with no HTTP,
/// for unit and topology tests (Confluent's .NET client has no <c>mock://</c> scheme). Pass the store of an
/// <see cref="EmbeddedSchemaRegistry"/> to share schemas with HTTP clients.
/// </summary>
/// <remarks>
/// Errors surface as Confluent's <see cref="SchemaRegistryException"/> with the same status and error code the HTTP
/// registry returns. <see cref="GetAssociationsByResourceNameAsync"/> returns an empty list, so the 2.16
/// <c>SubjectNameStrategy.Associated</c> default falls back to <c>topic-value</c>. Metadata look-ups and association
/// writes are not supported and throw <see cref="NotSupportedException"/>. <see cref="MaxCachedSchemas"/> is 1000,
/// Confluent's default.
/// </remarks>
public sealed class InMemorySchemaRegistryClient : ISchemaRegistryClient
{
    /// <summary>Creates a client over a new, empty store.</summary>
    public InMemorySchemaRegistryClient()
        : this(new SchemaRegistryStore())
    {
    }

    /// <summary>Creates a client over a shared store, for example <see cref="EmbeddedSchemaRegistry.Store"/>.</summary>
    public InMemorySchemaRegistryClient(SchemaRegistryStore store)
    {
        Store = store ?? throw new ArgumentNullException(nameof(store));
    }

    /// <summary>The store this client reads and writes.</summary>
    public SchemaRegistryStore Store { get; }

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> Config { get; } = [];

    /// <inheritdoc />
    public IAuthenticationHeaderValueProvider AuthHeaderProvider => null!;

    /// <inheritdoc />
    public IWebProxy Proxy => null!;

    /// <inheritdoc />
    public int MaxCachedSchemas => 1000;

    /// <inheritdoc />
    [Obsolete("Superseded by RegisterSchemaAsync(string, Schema, bool)")]
    public Task<int> RegisterSchemaAsync(string subject, string avroSchema, bool normalize = false) =>
        RegisterSchemaAsync(subject, new Schema(avroSchema, SchemaType.Avro), normalize);

    /// <inheritdoc />
    public Task<int> RegisterSchemaAsync(string subject, Schema schema, bool normalize = false) =>
        Run(() => Store.Register(subject, schema, normalize).Id);

    /// <inheritdoc />
    public Task<RegisteredSchema> RegisterSchemaWithResponseAsync(string subject, Schema schema, bool normalize = false) =>
        Run(() => Store.Register(subject, schema, normalize));

    /// <inheritdoc />
    [Obsolete("Superseded by GetSchemaIdAsync(string, Schema, bool)")]
    public Task<int> GetSchemaIdAsync(string subject, string avroSchema, bool normalize = false) =>
        GetSchemaIdAsync(subject, new Schema(avroSchema, SchemaType.Avro), normalize);

    /// <inheritdoc />
    public Task<int> GetSchemaIdAsync(string subject, Schema schema, bool normalize = false) =>
        Run(() => Store.Lookup(subject, schema).Id);

    /// <inheritdoc />
    public Task<Schema> GetSchemaAsync(int id, string? format = null) =>
        Run(() => Store.GetSchemaById(id));

    /// <inheritdoc />
    public Task<Schema> GetSchemaBySubjectAndIdAsync(string subject, int id, string? format = null) =>
        Run(() => Store.GetSchemaById(id));

    /// <inheritdoc />
    public Task<Schema> GetSchemaByGuidAsync(string guid, string? format = null) =>
        Run(() => Store.GetSchemaByGuid(guid));

    /// <inheritdoc />
    public Task<RegisteredSchema> LookupSchemaAsync(string subject, Schema schema, bool ignoreDeletedSchemas, bool normalize = false) =>
        Run(() => Store.Lookup(subject, schema, includeDeleted: !ignoreDeletedSchemas));

    /// <inheritdoc />
    public Task<RegisteredSchema> GetRegisteredSchemaAsync(string subject, int version, bool ignoreDeletedSchemas = true) =>
        Run(() => Store.GetVersion(subject, version, includeDeleted: !ignoreDeletedSchemas));

    /// <inheritdoc />
    [Obsolete("Superseded by GetRegisteredSchemaAsync(string subject, int version). This method will be removed in a future release.")]
    public Task<string> GetSchemaAsync(string subject, int version) =>
        Run(() => Store.GetVersion(subject, version).SchemaString);

    /// <inheritdoc />
    public Task<RegisteredSchema> GetLatestSchemaAsync(string subject) =>
        Run(() => Store.GetLatest(subject));

    /// <summary>Not supported: the embedded registry stores no schema metadata. Use <see cref="GetLatestSchemaAsync"/>.</summary>
    public Task<RegisteredSchema> GetLatestWithMetadataAsync(string subject, IDictionary<string, string> metadata, bool ignoreDeletedSchemas) =>
        throw new NotSupportedException(
            "The in-memory Schema Registry stores no schema metadata, so UseLatestWithMetadata cannot be served; use UseLatestVersion instead.");

    /// <inheritdoc />
    public Task<List<string>> GetAllSubjectsAsync() =>
        Run(() => Store.GetSubjects().ToList());

    /// <inheritdoc />
    public Task<List<int>> GetSubjectVersionsAsync(string subject) =>
        Run(() => Store.GetVersions(subject).ToList());

    /// <inheritdoc />
    [Obsolete("Superseded by IsCompatibleAsync(string, Schema)")]
    public Task<bool> IsCompatibleAsync(string subject, string avroSchema) =>
        IsCompatibleAsync(subject, new Schema(avroSchema, SchemaType.Avro));

    /// <inheritdoc />
    public Task<bool> IsCompatibleAsync(string subject, Schema schema) =>
        Run(() => Store.TestCompatibility(subject, "latest", schema).Count == 0);

    /// <inheritdoc />
    [Obsolete("SubjectNameStrategy should now be specified via serializer configuration. This method will be removed in a future release.")]
    public string ConstructKeySubjectName(string topic, string? recordType = null) => $"{topic}-key";

    /// <inheritdoc />
    [Obsolete("SubjectNameStrategy should now be specified via serializer configuration. This method will be removed in a future release.")]
    public string ConstructValueSubjectName(string topic, string? recordType = null) => $"{topic}-value";

    /// <summary>
    /// The subject's own level, or the global level when <paramref name="subject"/> is null. Like the HTTP client,
    /// a subject without its own level fails with error code 40408.
    /// </summary>
    public Task<Compatibility> GetCompatibilityAsync(string? subject = null) =>
        Run(() => Store.GetCompatibility(subject));

    /// <inheritdoc />
    public Task<Compatibility> UpdateCompatibilityAsync(Compatibility compatibility, string? subject = null) =>
        Run(() => Store.SetCompatibility(compatibility, subject));

    /// <summary>Does nothing: this client keeps no cache.</summary>
    public void ClearLatestCaches()
    {
    }

    /// <summary>Does nothing: this client keeps no cache.</summary>
    public void ClearCaches()
    {
    }

    /// <summary>Returns an empty list: the embedded registry has no associations.</summary>
    public Task<List<Association>> GetAssociationsByResourceNameAsync(
        string resourceName,
        string resourceNamespace,
        string resourceType,
        List<string> associationTypes,
        string lifecycle,
        int offset,
        int limit) =>
        Task.FromResult(new List<Association>());

    /// <summary>Not supported: the embedded registry has no associations.</summary>
    public Task<AssociationResponse> CreateAssociationAsync(AssociationCreateOrUpdateRequest request) =>
        throw new NotSupportedException("The in-memory Schema Registry does not support associations; use SubjectNameStrategy.Topic.");

    /// <summary>Not supported: the embedded registry has no associations.</summary>
    public Task DeleteAssociationsAsync(string resourceId, string resourceType, List<string> associationTypes, bool cascadeLifecycle) =>
        throw new NotSupportedException("The in-memory Schema Registry does not support associations; use SubjectNameStrategy.Topic.");

    /// <summary>Does nothing: the store belongs to whoever created it.</summary>
    public void Dispose()
    {
    }

    private static Task<T> Run<T>(Func<T> action)
    {
        try
        {
            return Task.FromResult(action());
        }
        catch (SchemaRegistryStoreException e)
        {
            return Task.FromException<T>(new SchemaRegistryException(e.Message, e.Status, e.ErrorCode));
        }
    }
}
