using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.History;
using StreamFinance.Domain.MasterData.Ownership;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// Applies the system-of-record table (<see cref="SystemOfRecordTable"/>) to an update against the object's history.
/// <list type="bullet">
/// <item>Object types without field groups: only their owners may write them (create, change, delete).</item>
/// <item>Deletes: only the object type's owners.</item>
/// <item>Object types with field groups (suppliers), changes: the field groups that differ from the version that would
/// otherwise be in force on the update's effective date (for an update dated before the first version, the first
/// version) must all be owned by the source; an update that changes nothing is allowed for any owner of the type or of
/// one of its groups.</item>
/// <item>Object types with field groups, creation (no version yet, or the one in force deleted): the type's owners, and a
/// source that owns at least one field group. The latter creates <em>its own</em> supplier record (procurement onboarding
/// a supplier under its id); its values in groups it does not own are candidates that survivorship ranks below the system
/// of record's when the record is merged with the ERP's. After creation every group change is checked as above.</item>
/// </list>
/// A supplier update that carries no contacts (null) while the source does not own the contacts group keeps the contacts in
/// force: the ERP does not manage contacts, and its null means "not sent", not "remove them".
/// </summary>
public sealed class MasterDataOwnership(SystemOfRecordTable table)
{
    /// <summary>Decides whether <paramref name="update"/> may be applied to <paramref name="history"/>.</summary>
    public OwnershipCheck Check(MasterDataUpdate update, EffectiveDatedHistory<MasterDataUpdate> history)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(history);
        var type = update.objectType.ToString();
        var source = update.envelope?.sourceSystem ?? "";
        if (update.operation == MasterDataOperation.DELETE || table.FieldGroupsOf(type).Count == 0)
            return new OwnershipCheck(table.Check(type, source), update);

        var before = history.AsOf(DateOnly.FromDateTime(update.effectiveDate)) ?? history.Versions.FirstOrDefault();
        if (before is null || before.IsDeleted || before.Value.payload is null)
            return new OwnershipCheck(MayCreate(type, source) ? OwnershipDecision.Allowed : table.Check(type, source), update);

        var accepted = KeepContactsInForce(update, before.Value, type, source);
        if (accepted.payload is not Supplier after || before.Value.payload is not Supplier previous)
            return new OwnershipCheck(table.Check(type, source), update);
        var changed = table.ChangedFieldGroups(type, SupplierFieldValues.Of(previous), SupplierFieldValues.Of(after));
        return new OwnershipCheck(table.Check(type, source, changed), accepted);
    }

    private bool MayCreate(string type, string source) =>
        IsOwner(table.OwnersOf(type), source) || table.FieldGroupsOf(type).Any(group => IsOwner(table.OwnersOf(type, group), source));

    private MasterDataUpdate KeepContactsInForce(MasterDataUpdate update, MasterDataUpdate inForce, string type, string source)
    {
        if (update.payload is not Supplier { contacts: null } incoming || inForce.payload is not Supplier { contacts: { } contacts })
            return update;
        var group = table.FieldGroupsFor(type, [SupplierFields.Contacts]).Single();
        if (IsOwner(table.OwnersOf(type, group), source))
            return update;
        var payload = AvroRecords.ShallowCopy(incoming);
        payload.contacts = contacts;
        var kept = AvroRecords.ShallowCopy(update);
        kept.payload = payload;
        return kept;
    }

    private static bool IsOwner(IReadOnlyList<string> owners, string source) =>
        owners.Contains(source.Trim(), StringComparer.OrdinalIgnoreCase);
}
