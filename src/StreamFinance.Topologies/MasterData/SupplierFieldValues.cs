using System.Text.Json;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.MasterData;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// A supplier as the domain's ownership table and survivorship see it: the <see cref="SupplierFields"/> (the fields that
/// belong to a field group) as strings. Enums are their symbols; contacts are one canonical JSON array (null when there
/// are none). Identity (<c>supplierId</c>), lineage (<c>envelope</c>, <c>sourceReferences</c>) and version metadata
/// (<c>effectiveFrom</c>) are not data a source owns, so they are left out.
/// </summary>
public static class SupplierFieldValues
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>The field values of <paramref name="supplier"/>.</summary>
    public static IReadOnlyDictionary<string, string?> Of(Supplier supplier)
    {
        ArgumentNullException.ThrowIfNull(supplier);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [SupplierFields.LegalName] = supplier.legalName,
            [SupplierFields.Country] = supplier.country,
            [SupplierFields.TaxId] = supplier.taxId,
            [SupplierFields.BankAccountFingerprint] = supplier.bankAccountFingerprint,
            [SupplierFields.Status] = supplier.status.ToString(),
            [SupplierFields.RiskStatus] = supplier.riskStatus.ToString(),
            [SupplierFields.ComplianceStatus] = supplier.complianceStatus.ToString(),
            [SupplierFields.Contacts] = ContactsText(supplier.contacts),
        };
    }

    /// <summary>Contacts as one canonical JSON array (fields name, email, phone, role, in the order given); null for none.</summary>
    public static string? ContactsText(IList<SupplierContact>? contacts) =>
        contacts is null || contacts.Count == 0
            ? null
            : JsonSerializer.Serialize(contacts.Select(c => new ContactText(c.name, c.email, c.phone, c.role)).ToList(), Json);

    /// <summary>The contacts of <see cref="ContactsText"/>'s text; null for null or blank text.</summary>
    public static IList<SupplierContact>? ContactsFrom(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var contacts = JsonSerializer.Deserialize<List<ContactText>>(text, Json)
            ?? throw new FormatException($"Supplier contacts text '{text}' is not a JSON array of contacts.");
        return contacts.Select(c => new SupplierContact { name = c.Name, email = c.Email, phone = c.Phone, role = c.Role }).ToList();
    }

    private sealed record ContactText(string Name, string Email, string? Phone, string Role);
}
