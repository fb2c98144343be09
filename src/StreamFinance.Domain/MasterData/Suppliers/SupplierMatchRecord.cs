namespace StreamFinance.Domain.MasterData.Suppliers;

/// <summary>
/// What duplicate detection knows of one supplier source record. The normalised forms are computed once, on creation.
/// </summary>
public sealed record SupplierMatchRecord
{
    /// <summary>Creates the record; only <paramref name="source"/> is required, missing values simply give no evidence.</summary>
    public SupplierMatchRecord(SourceReference source, string? legalName, string? taxId, string? bankAccountFingerprint, string? country)
    {
        Source = source ?? throw new ArgumentNullException(nameof(source));
        LegalName = legalName;
        TaxId = taxId;
        BankAccountFingerprint = bankAccountFingerprint;
        Country = country;
        NormalizedName = SupplierNameNormalizer.Normalize(legalName);
        NormalizedTaxId = TaxIdNormalizer.Normalize(taxId);
        NormalizedBankAccountFingerprint = bankAccountFingerprint?.Trim().ToLowerInvariant() ?? "";
        NormalizedCountry = country?.Trim().ToUpperInvariant() ?? "";
    }

    /// <summary>Source system and the supplier's id there.</summary>
    public SourceReference Source { get; }

    /// <summary>Legal name as the source gave it.</summary>
    public string? LegalName { get; }

    /// <summary>Tax id as the source gave it.</summary>
    public string? TaxId { get; }

    /// <summary>Hex SHA-256 of the normalised bank account number.</summary>
    public string? BankAccountFingerprint { get; }

    /// <summary>ISO 3166-1 alpha-2 country.</summary>
    public string? Country { get; }

    /// <summary><see cref="LegalName"/> through <see cref="SupplierNameNormalizer"/>; empty when none.</summary>
    public string NormalizedName { get; }

    /// <summary><see cref="TaxId"/> through <see cref="TaxIdNormalizer"/>; empty when none.</summary>
    public string NormalizedTaxId { get; }

    /// <summary><see cref="BankAccountFingerprint"/> trimmed and lower case; empty when none.</summary>
    public string NormalizedBankAccountFingerprint { get; }

    /// <summary><see cref="Country"/> trimmed and upper case; empty when none.</summary>
    public string NormalizedCountry { get; }
}
