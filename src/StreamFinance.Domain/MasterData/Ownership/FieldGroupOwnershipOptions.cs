namespace StreamFinance.Domain.MasterData.Ownership;

/// <summary>
/// One field group of an object type, e.g. the supplier's <c>bank</c> group: which fields it holds and which
/// source system(s) may write them. Bound from <c>...:FieldGroups:&lt;group&gt;</c>. No defaults: both lists must be given.
/// </summary>
public sealed class FieldGroupOwnershipOptions
{
    /// <summary>Source systems allowed to write the group's fields, e.g. <c>["sap-s4"]</c>. Usually one. Must not be empty.</summary>
    public List<string> Owners { get; set; } = [];

    /// <summary>Field names of the object (Avro field names, e.g. <c>bankAccountFingerprint</c>) in this group. Must not be empty.</summary>
    public List<string> Fields { get; set; } = [];
}
