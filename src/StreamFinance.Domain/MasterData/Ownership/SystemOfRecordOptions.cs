namespace StreamFinance.Domain.MasterData.Ownership;

/// <summary>
/// The system-of-record table as configuration: for every object type, the source system(s) allowed to write it,
/// and for suppliers the owner of each field group. Bound from the <see cref="Section"/> section.
/// <para>
/// A new instance is empty, because the configuration binder appends to lists it finds filled. The host binds the
/// section when it exists and otherwise uses <see cref="Default"/>; a bound table must name every object type.
/// </para>
/// </summary>
public sealed class SystemOfRecordOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "MasterData:SystemOfRecord";

    /// <summary>The ERP of the default table (owns finance master data and supplier tax, bank and status data).</summary>
    public const string Erp = "sap-s4";

    /// <summary>The group ERP of the default table that publishes legal entities and treasury FX rates.</summary>
    public const string GroupErp = "d365";

    /// <summary>The HR / project system of the default table (owns employees and projects).</summary>
    public const string HrSystem = "netsuite";

    /// <summary>The procurement suite of the default table (owns supplier contacts).</summary>
    public const string Procurement = "coupa";

    /// <summary>Owners per object type name (see <see cref="MasterDataObjectTypes"/>); names are case-insensitive. Default: empty (see the class remarks).</summary>
    public Dictionary<string, ObjectTypeOwnershipOptions> ObjectTypes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The default table, matching DESIGN.md and the sample data:
    /// <list type="bullet">
    /// <item><see cref="Erp"/> (<c>sap-s4</c>) owns cost centers, GL accounts, tax codes, accounting periods, budgets, expense categories, item categories and suppliers as a whole,
    /// with the supplier groups <c>identity</c> {legalName, country}, <c>tax</c> {taxId}, <c>bank</c> {bankAccountFingerprint} and
    /// <c>status</c> {status, riskStatus, complianceStatus};</item>
    /// <item><see cref="Procurement"/> (<c>coupa</c>) owns the supplier group <c>contacts</c> {contacts};</item>
    /// <item><see cref="HrSystem"/> (<c>netsuite</c>) owns employees and projects;</item>
    /// <item><see cref="GroupErp"/> (<c>d365</c>) owns legal entities and exchange rates.</item>
    /// </list>
    /// Every call returns a new, independent instance.
    /// </summary>
    public static SystemOfRecordOptions Default()
    {
        var options = new SystemOfRecordOptions();
        foreach (var type in new[] { MasterDataObjectTypes.CostCenter, MasterDataObjectTypes.GlAccount, MasterDataObjectTypes.TaxCode, MasterDataObjectTypes.AccountingPeriod, MasterDataObjectTypes.Budget, MasterDataObjectTypes.ExpenseCategory, MasterDataObjectTypes.ItemCategory })
            options.ObjectTypes[type] = new ObjectTypeOwnershipOptions { Owners = [Erp] };
        options.ObjectTypes[MasterDataObjectTypes.Employee] = new ObjectTypeOwnershipOptions { Owners = [HrSystem] };
        options.ObjectTypes[MasterDataObjectTypes.Project] = new ObjectTypeOwnershipOptions { Owners = [HrSystem] };
        options.ObjectTypes[MasterDataObjectTypes.LegalEntity] = new ObjectTypeOwnershipOptions { Owners = [GroupErp] };
        options.ObjectTypes[MasterDataObjectTypes.ExchangeRate] = new ObjectTypeOwnershipOptions { Owners = [GroupErp] };
        var supplier = new ObjectTypeOwnershipOptions { Owners = [Erp] };
        supplier.FieldGroups[SupplierFieldGroups.Identity] = new FieldGroupOwnershipOptions { Owners = [Erp], Fields = [SupplierFields.LegalName, SupplierFields.Country] };
        supplier.FieldGroups[SupplierFieldGroups.Tax] = new FieldGroupOwnershipOptions { Owners = [Erp], Fields = [SupplierFields.TaxId] };
        supplier.FieldGroups[SupplierFieldGroups.Bank] = new FieldGroupOwnershipOptions { Owners = [Erp], Fields = [SupplierFields.BankAccountFingerprint] };
        supplier.FieldGroups[SupplierFieldGroups.Status] = new FieldGroupOwnershipOptions { Owners = [Erp], Fields = [SupplierFields.Status, SupplierFields.RiskStatus, SupplierFields.ComplianceStatus] };
        supplier.FieldGroups[SupplierFieldGroups.Contacts] = new FieldGroupOwnershipOptions { Owners = [Procurement], Fields = [SupplierFields.Contacts] };
        options.ObjectTypes[MasterDataObjectTypes.Supplier] = supplier;
        return options;
    }

    /// <summary>Every problem with this table, each naming the entry (as a configuration path) and what to do.</summary>
    public IEnumerable<string> Validate()
    {
        if (ObjectTypes is null || ObjectTypes.Count == 0)
        {
            yield return $"{Section}:ObjectTypes is empty: name the owning source system of every object type ({string.Join(", ", MasterDataObjectTypes.All)}), or leave the section out to use the default table.";
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, entry) in ObjectTypes)
        {
            var path = $"{Section}:ObjectTypes:{name}";
            var canonical = MasterDataObjectTypes.Canonical(name);
            if (canonical is null)
            {
                yield return $"{path} is not a known object type; use one of {string.Join(", ", MasterDataObjectTypes.All)}.";
                continue;
            }
            if (!seen.Add(canonical))
                yield return $"{path} repeats object type {canonical}; list each object type once.";
            if (entry is null)
            {
                yield return $"{path} has no settings; give its Owners.";
                continue;
            }
            foreach (var problem in OwnerProblems(entry.Owners, $"{path}:Owners", $"the object type {canonical}"))
                yield return problem;
            foreach (var problem in FieldGroupProblems(entry.FieldGroups, path))
                yield return problem;
        }

        foreach (var type in MasterDataObjectTypes.All.Where(t => !seen.Contains(t)))
            yield return $"{Section}:ObjectTypes:{type} is missing: every object type needs a system of record, or updates of it could never be accepted.";
    }

    private static IEnumerable<string> FieldGroupProblems(Dictionary<string, FieldGroupOwnershipOptions>? groups, string path)
    {
        if (groups is null)
            yield break;
        var fieldOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (group, entry) in groups)
        {
            var groupPath = $"{path}:FieldGroups:{group}";
            if (string.IsNullOrWhiteSpace(group) || group == SystemOfRecordTable.WholeObject)
            {
                yield return $"{groupPath} is not a usable group name; '{SystemOfRecordTable.WholeObject}' and blank names are reserved.";
                continue;
            }
            if (entry is null)
            {
                yield return $"{groupPath} has no settings; give its Owners and Fields.";
                continue;
            }
            foreach (var problem in OwnerProblems(entry.Owners, $"{groupPath}:Owners", $"the field group '{group}'"))
                yield return problem;
            if (entry.Fields is null || entry.Fields.Count == 0)
                yield return $"{groupPath}:Fields is empty: list the field names the group holds, e.g. 'bankAccountFingerprint'.";
            else
                foreach (var field in entry.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field))
                        yield return $"{groupPath}:Fields has a blank entry; remove it.";
                    else if (fieldOwner.TryGetValue(field, out var other) && !string.Equals(other, group, StringComparison.OrdinalIgnoreCase))
                        yield return $"{groupPath}:Fields lists '{field}', which is already in group '{other}'; a field belongs to one group only.";
                    else
                        fieldOwner[field] = group;
                }
        }
    }

    private static IEnumerable<string> OwnerProblems(List<string>? owners, string path, string what)
    {
        if (owners is null || owners.Count == 0)
            yield return $"{path} is empty: name the source system that is the system of record for {what}, e.g. '{Erp}'.";
        else if (owners.Any(string.IsNullOrWhiteSpace))
            yield return $"{path} has a blank entry; give source system names as they appear in the envelope's sourceSystem.";
    }
}
