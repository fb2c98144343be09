using StreamFinance.Domain.MasterData.Ownership;

namespace StreamFinance.Domain.MasterData.Golden;

/// <summary>
/// Per-field survivorship rules for the supplier golden record. Bound from the <see cref="Section"/> section. A new
/// instance has no field rules and no priorities (the binder appends to filled lists); the host binds the section when it
/// exists and otherwise uses <see cref="Default"/>.
/// </summary>
public sealed class SurvivorshipOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "MasterData:Survivorship";

    /// <summary>Rule per field name (Avro field names, exact). Fields not listed use <see cref="DefaultRule"/>. Default: empty.</summary>
    public Dictionary<string, SurvivorshipRule> FieldRules { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Rule of fields not in <see cref="FieldRules"/>. Default <see cref="SurvivorshipRule.MostRecentWins"/>.</summary>
    public SurvivorshipRule DefaultRule { get; set; } = SurvivorshipRule.MostRecentWins;

    /// <summary>
    /// Source systems, most trusted first (case-insensitive). Used by <see cref="SurvivorshipRule.SystemOfRecordWins"/>, as a
    /// tie-breaker by the other rules, and to choose the golden id. Default: empty.
    /// </summary>
    public List<string> SourcePriority { get; set; } = [];

    /// <summary>Per-field priority lists that replace <see cref="SourcePriority"/> for that field. Default: empty.</summary>
    public Dictionary<string, List<string>> FieldSourcePriority { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The default supplier rules, matching the default system-of-record table: the ERP (<c>sap-s4</c>) first, then
    /// procurement (<c>coupa</c>); <see cref="SurvivorshipRule.SystemOfRecordWins"/> for legal name, country, tax id,
    /// bank account fingerprint and the three statuses; contacts with procurement first; any other field most recent
    /// wins. Every call returns a new instance.
    /// </summary>
    public static SurvivorshipOptions Default()
    {
        var options = new SurvivorshipOptions { SourcePriority = [SystemOfRecordOptions.Erp, SystemOfRecordOptions.Procurement] };
        foreach (var field in new[]
                 {
                     SupplierFields.LegalName, SupplierFields.Country, SupplierFields.TaxId, SupplierFields.BankAccountFingerprint,
                     SupplierFields.Status, SupplierFields.RiskStatus, SupplierFields.ComplianceStatus, SupplierFields.Contacts,
                 })
            options.FieldRules[field] = SurvivorshipRule.SystemOfRecordWins;
        options.FieldSourcePriority[SupplierFields.Contacts] = [SystemOfRecordOptions.Procurement, SystemOfRecordOptions.Erp];
        return options;
    }

    /// <summary>Every problem with these settings, each naming the entry and what to do.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(DefaultRule))
            yield return $"{Section}:DefaultRule '{DefaultRule}' is not a rule; use one of {string.Join(", ", Enum.GetNames<SurvivorshipRule>())}.";
        if (SourcePriority is not null && SourcePriority.Any(string.IsNullOrWhiteSpace))
            yield return $"{Section}:SourcePriority has a blank entry; list source system names, most trusted first.";
        foreach (var (field, rule) in FieldRules ?? [])
        {
            if (string.IsNullOrWhiteSpace(field))
                yield return $"{Section}:FieldRules has a blank field name; remove it.";
            if (!Enum.IsDefined(rule))
                yield return $"{Section}:FieldRules:{field} '{rule}' is not a rule; use one of {string.Join(", ", Enum.GetNames<SurvivorshipRule>())}.";
        }
        foreach (var (field, list) in FieldSourcePriority ?? [])
            if (list is null || list.Count == 0 || list.Any(string.IsNullOrWhiteSpace))
                yield return $"{Section}:FieldSourcePriority:{field} is empty or has a blank entry; list source systems most trusted first, or remove it to use SourcePriority.";

        var sorFields = (FieldRules ?? []).Where(r => r.Value == SurvivorshipRule.SystemOfRecordWins).Select(r => r.Key).ToList();
        if (DefaultRule == SurvivorshipRule.SystemOfRecordWins)
            sorFields.Add("(DefaultRule)");
        if (SourcePriority is null || SourcePriority.Count == 0)
            foreach (var field in sorFields.Where(f => FieldSourcePriority is null || !FieldSourcePriority.ContainsKey(f)))
                yield return $"{Section}: field {field} uses SystemOfRecordWins but no source priority is given; fill SourcePriority or FieldSourcePriority:{field}.";
    }
}
