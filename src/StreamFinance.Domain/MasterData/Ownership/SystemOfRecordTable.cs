using StreamFinance.Domain.MasterData.Validation;

namespace StreamFinance.Domain.MasterData.Ownership;

/// <summary>
/// Decides which source system may write which master data: one or more owners per object type and, for object
/// types with field groups (suppliers), owners per field group. Built from validated <see cref="SystemOfRecordOptions"/>;
/// immutable and safe to share between stream threads. Source system names compare case-insensitively.
/// </summary>
public sealed class SystemOfRecordTable
{
    /// <summary>
    /// Pseudo field group for the object as a whole: creating or deleting it, and fields that belong to no group.
    /// Owned by the object type's owners.
    /// </summary>
    public const string WholeObject = "*";

    private readonly Dictionary<string, TypeOwnership> types;

    private SystemOfRecordTable(Dictionary<string, TypeOwnership> types) => this.types = types;

    /// <summary>The table of <see cref="SystemOfRecordOptions.Default"/>.</summary>
    public static SystemOfRecordTable Default { get; } = From(SystemOfRecordOptions.Default());

    /// <summary>
    /// Builds the table from options. Throws <see cref="ArgumentException"/> listing every problem
    /// (<see cref="SystemOfRecordOptions.Validate"/>) when the options are not usable.
    /// </summary>
    public static SystemOfRecordTable From(SystemOfRecordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
            throw new ArgumentException($"The system-of-record table is invalid: {string.Join(" ", problems)}", nameof(options));

        var types = new Dictionary<string, TypeOwnership>(StringComparer.Ordinal);
        foreach (var (name, entry) in options.ObjectTypes)
        {
            var groups = new Dictionary<string, GroupOwnership>(StringComparer.OrdinalIgnoreCase);
            var fieldToGroup = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (group, groupEntry) in entry.FieldGroups ?? [])
            {
                groups[group] = new GroupOwnership(group, Owners(groupEntry.Owners), [.. groupEntry.Fields]);
                foreach (var field in groupEntry.Fields)
                    fieldToGroup[field] = group;
            }
            types[MasterDataObjectTypes.Canonical(name)!] = new TypeOwnership(Owners(entry.Owners), groups, fieldToGroup);
        }
        return new SystemOfRecordTable(types);
    }

    /// <summary>Source systems that own <paramref name="objectType"/> as a whole; empty for an unknown type.</summary>
    public IReadOnlyList<string> OwnersOf(string objectType) =>
        Find(objectType)?.Owners ?? [];

    /// <summary>Source systems that own <paramref name="fieldGroup"/> of <paramref name="objectType"/> (<see cref="WholeObject"/>: the type's owners); empty when either is unknown.</summary>
    public IReadOnlyList<string> OwnersOf(string objectType, string fieldGroup)
    {
        var type = Find(objectType);
        if (type is null)
            return [];
        if (fieldGroup == WholeObject)
            return type.Owners;
        return type.Groups.TryGetValue(fieldGroup, out var group) ? group.Owners : [];
    }

    /// <summary>The configured field group names of <paramref name="objectType"/>, ordinal order; empty when it has none or is unknown.</summary>
    public IReadOnlyList<string> FieldGroupsOf(string objectType) =>
        Find(objectType)?.Groups.Keys.Order(StringComparer.Ordinal).ToList() ?? [];

    /// <summary>
    /// The field groups that hold <paramref name="changedFields"/> (Avro field names, compared exactly). A field in no
    /// group, or any field of a type without groups or of an unknown type, maps to <see cref="WholeObject"/>.
    /// </summary>
    public IReadOnlySet<string> FieldGroupsFor(string objectType, IEnumerable<string> changedFields)
    {
        ArgumentNullException.ThrowIfNull(changedFields);
        var type = Find(objectType);
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var field in changedFields)
            result.Add(type is not null && type.FieldToGroup.TryGetValue(field, out var group) ? group : WholeObject);
        return result;
    }

    /// <summary>
    /// The field groups whose values differ between <paramref name="before"/> and <paramref name="after"/> (field name
    /// to value; a missing field counts as null, values compare ordinally). <paramref name="before"/> null means the object
    /// is new: every field <paramref name="after"/> gives a value counts as changed. Empty when nothing changed.
    /// </summary>
    public IReadOnlySet<string> ChangedFieldGroups(string objectType, IReadOnlyDictionary<string, string?>? before, IReadOnlyDictionary<string, string?> after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var fields = (before?.Keys ?? []).Union(after.Keys, StringComparer.Ordinal);
        var changed = fields.Where(f => !string.Equals(ValueOf(before, f), ValueOf(after, f), StringComparison.Ordinal));
        return FieldGroupsFor(objectType, changed);
    }

    /// <summary>
    /// Whether <paramref name="sourceSystem"/> may apply an update of <paramref name="objectType"/> that changes
    /// <paramref name="changedFieldGroups"/>.
    /// <list type="bullet">
    /// <item>A type without field groups: only its owners may write it; the groups are ignored.</item>
    /// <item>A type with field groups: null groups mean the whole object (a create without a previous version, a delete);
    /// each group, and <see cref="WholeObject"/>, must be owned by the source. An empty set (nothing changed) is allowed
    /// for any source that owns the type or one of its groups.</item>
    /// <item>An unknown object type is refused with <see cref="MasterDataProblemCode.UnknownObjectType"/>.</item>
    /// </list>
    /// A group name the table does not know is a programming error (compute groups with <see cref="FieldGroupsFor"/>)
    /// and throws <see cref="ArgumentException"/>.
    /// </summary>
    public OwnershipDecision Check(string objectType, string sourceSystem, IEnumerable<string>? changedFieldGroups = null)
    {
        var canonical = MasterDataObjectTypes.Canonical(objectType);
        if (canonical is null || !types.TryGetValue(canonical, out var type))
            return OwnershipDecision.Refused(MasterDataInputValidator.CheckObjectType(objectType)!, [WholeObject]);

        if (type.Groups.Count == 0)
            return IsOwner(type.Owners, sourceSystem)
                ? OwnershipDecision.Allowed
                : Refusal(canonical, sourceSystem, [new GroupOwnership(WholeObject, type.Owners, [])]);

        var groups = changedFieldGroups?.Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [WholeObject];
        if (groups.Count == 0)
            return IsOwner(type.Owners, sourceSystem) || type.Groups.Values.Any(g => IsOwner(g.Owners, sourceSystem))
                ? OwnershipDecision.Allowed
                : Refusal(canonical, sourceSystem, [new GroupOwnership(WholeObject, type.Owners, [])]);

        var violated = new List<GroupOwnership>();
        foreach (var name in groups)
        {
            var group = name == WholeObject
                ? new GroupOwnership(WholeObject, type.Owners, [])
                : type.Groups.TryGetValue(name, out var found)
                    ? found
                    : throw new ArgumentException(
                        $"Field group '{name}' is not configured for {canonical} (known: {string.Join(", ", FieldGroupsOf(canonical))}, and '{WholeObject}'); compute groups with {nameof(FieldGroupsFor)}.",
                        nameof(changedFieldGroups));
            if (!IsOwner(group.Owners, sourceSystem))
                violated.Add(group);
        }
        return violated.Count == 0 ? OwnershipDecision.Allowed : Refusal(canonical, sourceSystem, violated);
    }

    private static OwnershipDecision Refusal(string objectType, string sourceSystem, List<GroupOwnership> violated)
    {
        violated.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var typeName = objectType.ToLowerInvariant().Replace('_', ' ');
        var clauses = violated
            .GroupBy(g => string.Join("\u0001", g.Owners))
            .Select(set => (Data: Describe(typeName, set.Select(g => g.Name).ToList()), Owners: set.First().Owners))
            .ToList();
        var message = clauses.Count == 1
            ? $"Source '{sourceSystem}' may not write {clauses[0].Data}; {OwnerClause(clauses[0].Owners)}."
            : $"Source '{sourceSystem}' may not write {string.Join(" or ", clauses.Select(c => $"{c.Data} ({OwnerClause(c.Owners)})"))}.";
        message += " Send the change from the system of record, or change the system-of-record table if ownership has moved.";
        return OwnershipDecision.Refused(
            new MasterDataInputProblem(MasterDataProblemCode.OwnershipViolation, message),
            violated.Select(g => g.Name).ToList());
    }

    private static string Describe(string typeName, List<string> groups) =>
        groups is [WholeObject]
            ? $"{typeName} data"
            : $"{typeName} {string.Join(" and ", groups.Select(g => g == WholeObject ? "other" : g))} data";

    private static string OwnerClause(IReadOnlyList<string> owners) =>
        owners.Count == 1
            ? $"the system of record is '{owners[0]}'"
            : $"the systems of record are {string.Join(" and ", owners.Select(o => $"'{o}'"))}";

    private static bool IsOwner(IReadOnlyList<string> owners, string sourceSystem) =>
        owners.Contains(sourceSystem?.Trim() ?? "", StringComparer.OrdinalIgnoreCase);

    private static string[] Owners(IEnumerable<string> owners) =>
        owners.Select(o => o.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    private static string? ValueOf(IReadOnlyDictionary<string, string?>? fields, string name) =>
        fields is not null && fields.TryGetValue(name, out var value) ? value : null;

    private TypeOwnership? Find(string objectType)
    {
        var canonical = MasterDataObjectTypes.Canonical(objectType);
        return canonical is not null && types.TryGetValue(canonical, out var type) ? type : null;
    }

    private sealed record TypeOwnership(string[] Owners, Dictionary<string, GroupOwnership> Groups, Dictionary<string, string> FieldToGroup);

    private sealed record GroupOwnership(string Name, IReadOnlyList<string> Owners, string[] Fields);
}
