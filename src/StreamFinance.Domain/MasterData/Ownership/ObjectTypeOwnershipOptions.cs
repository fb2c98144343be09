namespace StreamFinance.Domain.MasterData.Ownership;

/// <summary>
/// Who owns one object type: the source system(s) that may write it as a whole and, optionally, owners per field
/// group. Bound from <c>MasterData:SystemOfRecord:ObjectTypes:&lt;OBJECT_TYPE&gt;</c>.
/// </summary>
public sealed class ObjectTypeOwnershipOptions
{
    /// <summary>
    /// Source systems that own the object type, e.g. <c>["sap-s4"]</c>. They alone may create, delete, or change
    /// fields outside any field group. Must not be empty. No default.
    /// </summary>
    public List<string> Owners { get; set; } = [];

    /// <summary>
    /// Owners per field group (group name to group), for object types whose fields are owned by different systems
    /// (suppliers). Group names are case-insensitive; <c>*</c> is reserved. Default: none, the whole object belongs
    /// to <see cref="Owners"/>.
    /// </summary>
    public Dictionary<string, FieldGroupOwnershipOptions> FieldGroups { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
