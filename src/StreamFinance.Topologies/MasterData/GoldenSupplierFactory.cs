using System.Security.Cryptography;
using System.Text;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Golden;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// Turns a <see cref="GoldenRecord"/> into the <c>md.suppliers</c> record: supplier id = golden id, the surviving field
/// values, cross-references to every merged source object, and an envelope from <see cref="SourceSystem"/> whose event
/// time is the latest member change and whose event id and idempotency key are derived from the content, so the same
/// golden record always carries the same ids.
/// </summary>
public static class GoldenSupplierFactory
{
    /// <summary>The <c>sourceSystem</c> of golden records.</summary>
    public const string SourceSystem = "streamfinance-mdm";

    /// <summary>
    /// The golden supplier of <paramref name="golden"/>, merged from <paramref name="members"/>. A status no source gives
    /// (or one that is not a symbol) takes the enum's restrictive default: BLOCKED, NOT_SCREENED, PENDING_REVIEW.
    /// </summary>
    public static Supplier From(GoldenRecord golden, IReadOnlyList<SupplierSourceState> members, DateTime ingestTime)
    {
        ArgumentNullException.ThrowIfNull(golden);
        ArgumentNullException.ThrowIfNull(members);
        var supplier = new Supplier
        {
            supplierId = golden.GoldenId,
            legalName = Field(golden, SupplierFields.LegalName) ?? "",
            taxId = Field(golden, SupplierFields.TaxId) ?? "",
            country = Field(golden, SupplierFields.Country) ?? "",
            bankAccountFingerprint = Field(golden, SupplierFields.BankAccountFingerprint) ?? "",
            status = Symbol(golden, SupplierFields.Status, SupplierStatus.BLOCKED),
            riskStatus = Symbol(golden, SupplierFields.RiskStatus, SupplierRiskStatus.NOT_SCREENED),
            complianceStatus = Symbol(golden, SupplierFields.ComplianceStatus, SupplierComplianceStatus.PENDING_REVIEW),
            contacts = SupplierFieldValues.ContactsFrom(Field(golden, SupplierFields.Contacts)),
            sourceReferences = golden.SourceReferences
                .Select(r => new SupplierSourceReference { sourceSystem = r.SourceSystem, sourceId = r.SourceId })
                .ToList(),
            effectiveFrom = members.Max(m => m.supplier.effectiveFrom),
        };
        var contentKey = $"{golden.GoldenId}:{ContentHash(golden)}";
        supplier.envelope = new Envelope
        {
            eventId = DeterministicUuid.From(contentKey),
            correlationId = $"{SourceSystem}:{golden.GoldenId}",
            sourceSystem = SourceSystem,
            sourceId = golden.GoldenId,
            eventTime = members.Max(m => SupplierSources.UpdatedAt(m)).UtcDateTime,
            ingestTime = DateTime.SpecifyKind(ingestTime, DateTimeKind.Utc),
            idempotencyKey = contentKey,
            mappingProfile = null,
        };
        return supplier;
    }

    private static string? Field(GoldenRecord golden, string field) => golden.Fields.GetValueOrDefault(field);

    private static T Symbol<T>(GoldenRecord golden, string field, T restrictive) where T : struct, Enum =>
        Enum.TryParse<T>(Field(golden, field), ignoreCase: false, out var value) && Enum.IsDefined(value) ? value : restrictive;

    private static string ContentHash(GoldenRecord golden)
    {
        var text = new StringBuilder();
        foreach (var (field, value) in golden.Fields)
            text.Append(field).Append('=').Append(value).Append('\n');
        foreach (var reference in golden.SourceReferences)
            text.Append(reference).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    }
}
