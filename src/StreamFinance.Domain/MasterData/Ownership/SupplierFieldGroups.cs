namespace StreamFinance.Domain.MasterData.Ownership;

/// <summary>The supplier field group names of the default system-of-record table (<see cref="SystemOfRecordOptions.Default"/>).</summary>
public static class SupplierFieldGroups
{
    /// <summary><c>identity</c>: legal name and country.</summary>
    public const string Identity = "identity";

    /// <summary><c>tax</c>: tax id.</summary>
    public const string Tax = "tax";

    /// <summary><c>bank</c>: bank account fingerprint.</summary>
    public const string Bank = "bank";

    /// <summary><c>status</c>: operational, risk and compliance status.</summary>
    public const string Status = "status";

    /// <summary><c>contacts</c>: the people to contact at the supplier.</summary>
    public const string Contacts = "contacts";
}
