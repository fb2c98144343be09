using System.Globalization;
using System.Net;
using AvroException = Avro.AvroException;
using Confluent.SchemaRegistry;
using StreamFinance.Embedded.SchemaRegistry.Internals;
using AvroSchema = Avro.Schema;
using Schema = Confluent.SchemaRegistry.Schema;

namespace StreamFinance.Embedded.SchemaRegistry;

/// <summary>
/// The in-memory state behind <see cref="EmbeddedSchemaRegistry"/> and <see cref="InMemorySchemaRegistryClient"/>:
/// subjects, versions, globally numbered schema ids and compatibility levels. Thread safe; nothing is persisted.
/// </summary>
/// <remarks>
/// Behaves like Confluent Schema Registry: ids start at 1 and are global, the same schema in two subjects shares an id,
/// registering a schema already live in a subject returns the existing version, deletion is soft, and the global
/// compatibility level defaults to <see cref="Compatibility.Backward"/>. Only AVRO schemas without references are
/// accepted. Failures throw <see cref="SchemaRegistryStoreException"/> with Confluent's status and error code.
/// </remarks>
public sealed class SchemaRegistryStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, StoredSchema> schemasById = [];
    private readonly Dictionary<string, StoredSchema> schemasByCanonicalText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredSchema> schemasByGuid = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SubjectState> subjects = new(StringComparer.Ordinal);
    private Compatibility globalCompatibility = Compatibility.Backward;
    private int nextId = 1;

    /// <summary>
    /// Registers <paramref name="schema"/> under <paramref name="subject"/> after checking it against the subject's
    /// compatibility level, or returns the existing version when the same schema is already live there.
    /// </summary>
    /// <param name="subject">The subject, for example <c>orders-value</c>.</param>
    /// <param name="schema">An AVRO schema without references.</param>
    /// <param name="normalize">Accepted for API parity; schemas are always compared in Avro's canonical printed form.</param>
    public RegisteredSchema Register(string subject, Schema schema, bool normalize = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var parsed = Parse(schema);
        var canonical = parsed.ToString();
        lock (gate)
        {
            var state = subjects.GetValueOrDefault(subject);
            var existing = state?.Live.FirstOrDefault(v => v.Schema.Canonical == canonical);
            if (existing is not null)
            {
                return ToRegistered(subject, existing);
            }

            var level = state?.Compatibility ?? globalCompatibility;
            var problems = CompatibilityEvaluator.Problems(level, parsed, state?.Live.ToList() ?? []);
            if (problems.Count > 0)
            {
                throw new SchemaRegistryStoreException(HttpStatusCode.Conflict, SchemaRegistryErrorCodes.IncompatibleSchema,
                    $"Schema being registered is incompatible with an earlier schema for subject \"{subject}\" " +
                    $"(compatibility {CompatibilityLevelNames.ToWireName(level)}), details: [{string.Join("; ", problems)}]. " +
                    "Make the change compatible (for example give new fields a default) or change the subject's compatibility level.");
            }

            var stored = GetOrAddSchema(schema.SchemaString, canonical, parsed);
            if (state is null)
            {
                state = new SubjectState(subject);
                subjects.Add(subject, state);
            }

            var version = new SubjectVersion(state.NextVersion, stored);
            state.Versions.Add(version);
            return ToRegistered(subject, version);
        }
    }

    /// <summary>Finds the version of <paramref name="subject"/> holding <paramref name="schema"/> (404 40401 or 40403 otherwise).</summary>
    public RegisteredSchema Lookup(string subject, Schema schema, bool includeDeleted = false)
    {
        var canonical = Parse(schema).ToString();
        lock (gate)
        {
            var state = RequireSubject(subject, includeDeleted);
            var match = state.Versions
                .Where(v => includeDeleted || !v.Deleted)
                .LastOrDefault(v => v.Schema.Canonical == canonical);
            return match is null ? throw SchemaRegistryStoreException.SchemaNotInSubject(subject) : ToRegistered(subject, match);
        }
    }

    /// <summary>Returns version <paramref name="version"/> of a subject; -1 means the latest live version.</summary>
    public RegisteredSchema GetVersion(string subject, int version, bool includeDeleted = false)
    {
        lock (gate)
        {
            var state = RequireSubject(subject, includeDeleted);
            var candidates = state.Versions.Where(v => includeDeleted || !v.Deleted);
            var match = version == -1
                ? candidates.LastOrDefault()
                : candidates.FirstOrDefault(v => v.Version == version);
            return match is null
                ? throw SchemaRegistryStoreException.VersionNotFound(subject, version == -1 ? "latest" : version.ToString(CultureInfo.InvariantCulture))
                : ToRegistered(subject, match);
        }
    }

    /// <summary>Returns a version given as text: a positive integer, <c>latest</c> or <c>-1</c> (422 42202 otherwise).</summary>
    public RegisteredSchema GetVersion(string subject, string version, bool includeDeleted = false) =>
        GetVersion(subject, ParseVersion(version), includeDeleted);

    /// <summary>Returns the latest live version of a subject.</summary>
    public RegisteredSchema GetLatest(string subject) => GetVersion(subject, -1);

    /// <summary>Returns the schema with a global id (404 40403 when unknown).</summary>
    public Schema GetSchemaById(int id)
    {
        lock (gate)
        {
            return schemasById.TryGetValue(id, out var stored)
                ? ToSchema(stored)
                : throw SchemaRegistryStoreException.SchemaIdNotFound(id);
        }
    }

    /// <summary>Returns the schema with a guid (404 40403 when unknown).</summary>
    public Schema GetSchemaByGuid(string guid)
    {
        lock (gate)
        {
            return schemasByGuid.TryGetValue(guid, out var stored)
                ? ToSchema(stored)
                : throw SchemaRegistryStoreException.SchemaGuidNotFound(guid);
        }
    }

    /// <summary>Subjects in name order; soft-deleted ones only when <paramref name="includeDeleted"/>.</summary>
    public IReadOnlyList<string> GetSubjects(bool includeDeleted = false)
    {
        lock (gate)
        {
            return subjects.Values
                .Where(s => includeDeleted ? s.Versions.Count > 0 : s.HasLiveVersions)
                .Select(s => s.Name)
                .Order(StringComparer.Ordinal)
                .ToArray();
        }
    }

    /// <summary>Version numbers of a subject, ascending (404 40401 when the subject is unknown).</summary>
    public IReadOnlyList<int> GetVersions(string subject, bool includeDeleted = false)
    {
        lock (gate)
        {
            return RequireSubject(subject, includeDeleted).Versions
                .Where(v => includeDeleted || !v.Deleted)
                .Select(v => v.Version)
                .ToArray();
        }
    }

    /// <summary>Every live subject version that uses the schema id (404 40403 when the id is unknown).</summary>
    public IReadOnlyList<SubjectVersionReference> GetSubjectVersionsById(int id)
    {
        lock (gate)
        {
            if (!schemasById.ContainsKey(id))
            {
                throw SchemaRegistryStoreException.SchemaIdNotFound(id);
            }

            return subjects.Values
                .OrderBy(s => s.Name, StringComparer.Ordinal)
                .SelectMany(s => s.Live.Where(v => v.Schema.Id == id).Select(v => new SubjectVersionReference(s.Name, v.Version)))
                .ToArray();
        }
    }

    /// <summary>Soft-deletes every live version of a subject and returns their numbers (404 40401 when unknown).</summary>
    public IReadOnlyList<int> DeleteSubject(string subject)
    {
        lock (gate)
        {
            var state = RequireSubject(subject, includeDeleted: false);
            var deleted = state.Live.ToArray();
            foreach (var version in deleted)
            {
                version.Deleted = true;
            }

            return deleted.Select(v => v.Version).ToArray();
        }
    }

    /// <summary>
    /// Tests <paramref name="schema"/> against a subject without registering it. <c>latest</c> (or -1) applies the
    /// subject's level to all live versions, as Confluent does, and is compatible when the subject has none;
    /// a numbered version is checked alone. Returns the problems; empty means compatible.
    /// </summary>
    public IReadOnlyList<string> TestCompatibility(string subject, string version, Schema schema)
    {
        var parsed = Parse(schema);
        var versionNumber = ParseVersion(version);
        lock (gate)
        {
            var state = subjects.GetValueOrDefault(subject);
            var level = state?.Compatibility ?? globalCompatibility;
            if (versionNumber == -1)
            {
                return CompatibilityEvaluator.Problems(level, parsed, state?.Live.ToList() ?? []);
            }

            var live = RequireSubject(subject, includeDeleted: false).Live.FirstOrDefault(v => v.Version == versionNumber)
                ?? throw SchemaRegistryStoreException.VersionNotFound(subject, version);
            return CompatibilityEvaluator.Problems(level, parsed, [live]);
        }
    }

    /// <summary>
    /// The compatibility level of a subject, or the global level when <paramref name="subject"/> is null or empty.
    /// A subject without its own level answers 404 40408 unless <paramref name="defaultToGlobal"/> is true, as Confluent does.
    /// </summary>
    public Compatibility GetCompatibility(string? subject = null, bool defaultToGlobal = false)
    {
        lock (gate)
        {
            if (string.IsNullOrEmpty(subject))
            {
                return globalCompatibility;
            }

            var own = subjects.GetValueOrDefault(subject)?.Compatibility;
            return own ?? (defaultToGlobal ? globalCompatibility : throw SchemaRegistryStoreException.NoSubjectCompatibility(subject));
        }
    }

    /// <summary>Sets the level of a subject (which need not exist yet), or the global level when the subject is null or empty.</summary>
    public Compatibility SetCompatibility(Compatibility level, string? subject = null)
    {
        if (!Enum.IsDefined(level))
        {
            throw SchemaRegistryStoreException.InvalidCompatibilityLevel(level.ToString());
        }

        lock (gate)
        {
            if (string.IsNullOrEmpty(subject))
            {
                globalCompatibility = level;
                return level;
            }

            if (!subjects.TryGetValue(subject, out var state))
            {
                state = new SubjectState(subject);
                subjects.Add(subject, state);
            }

            state.Compatibility = level;
            return level;
        }
    }

    /// <summary>Removes a subject's own level so it follows the global level again; returns the removed level.</summary>
    public Compatibility DeleteCompatibility(string subject)
    {
        lock (gate)
        {
            var state = subjects.GetValueOrDefault(subject);
            var own = state?.Compatibility ?? throw SchemaRegistryStoreException.NoSubjectCompatibility(subject);
            state.Compatibility = null;
            return own;
        }
    }

    private static AvroSchema Parse(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.SchemaType != SchemaType.Avro)
        {
            throw SchemaRegistryStoreException.InvalidSchema(
                $"Schema type {schema.SchemaType.ToString().ToUpperInvariant()} is not supported by the embedded Schema Registry; only AVRO schemas can be registered.");
        }

        if (schema.References is { Count: > 0 })
        {
            throw SchemaRegistryStoreException.InvalidSchema(
                "Schema references are not supported by the embedded Schema Registry; inline the referenced types into one schema.");
        }

        if (string.IsNullOrWhiteSpace(schema.SchemaString))
        {
            throw SchemaRegistryStoreException.InvalidSchema("Invalid schema: the schema text is empty.");
        }

        try
        {
            return AvroSchema.Parse(schema.SchemaString);
        }
        catch (Exception e) when (e is AvroException or Newtonsoft.Json.JsonException)
        {
            throw SchemaRegistryStoreException.InvalidSchema($"Invalid schema: {e.Message}");
        }
    }

    private static int ParseVersion(string version)
    {
        if (string.Equals(version, "latest", StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        return int.TryParse(version, NumberStyles.None | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
               && (number >= 1 || number == -1)
            ? number
            : throw SchemaRegistryStoreException.InvalidVersion(version);
    }

    private SubjectState RequireSubject(string subject, bool includeDeleted) =>
        subjects.TryGetValue(subject, out var state) && (includeDeleted ? state.Versions.Count > 0 : state.HasLiveVersions)
            ? state
            : throw SchemaRegistryStoreException.SubjectNotFound(subject);

    private StoredSchema GetOrAddSchema(string text, string canonical, AvroSchema parsed)
    {
        if (schemasByCanonicalText.TryGetValue(canonical, out var known))
        {
            return known;
        }

        var stored = new StoredSchema(nextId++, Guid.NewGuid().ToString(), text, canonical, parsed);
        schemasById.Add(stored.Id, stored);
        schemasByCanonicalText.Add(canonical, stored);
        schemasByGuid.Add(stored.Guid, stored);
        return stored;
    }

    private static RegisteredSchema ToRegistered(string subject, SubjectVersion version) =>
        new(subject, version.Version, version.Schema.Id, version.Schema.Guid, version.Schema.Text, SchemaType.Avro, []);

    private static Schema ToSchema(StoredSchema stored) => new(stored.Text, [], SchemaType.Avro);
}
