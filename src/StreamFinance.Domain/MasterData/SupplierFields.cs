namespace StreamFinance.Domain.MasterData;

/// <summary>Supplier field names, spelled as the Avro fields of <c>streamfinance.masterdata.Supplier</c>.</summary>
public static class SupplierFields
{
    /// <summary><c>legalName</c>.</summary>
    public const string LegalName = "legalName";

    /// <summary><c>country</c>, ISO 3166-1 alpha-2.</summary>
    public const string Country = "country";

    /// <summary><c>taxId</c>.</summary>
    public const string TaxId = "taxId";

    /// <summary><c>bankAccountFingerprint</c>, hex SHA-256 of the normalised account number.</summary>
    public const string BankAccountFingerprint = "bankAccountFingerprint";

    /// <summary><c>status</c>: ACTIVE, BLOCKED or INACTIVE.</summary>
    public const string Status = "status";

    /// <summary><c>riskStatus</c>.</summary>
    public const string RiskStatus = "riskStatus";

    /// <summary><c>complianceStatus</c>.</summary>
    public const string ComplianceStatus = "complianceStatus";

    /// <summary><c>contacts</c>.</summary>
    public const string Contacts = "contacts";
}
