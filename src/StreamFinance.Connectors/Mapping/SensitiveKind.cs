namespace StreamFinance.Connectors.Mapping;

/// <summary>What a sensitive source field holds, which decides how it is masked wherever it could leave the source in clear (dead letters, their messages, logs).</summary>
public enum SensitiveKind
{
    /// <summary>A payment card number (PAN): only its last four digits are kept, as <c>****1111</c>.</summary>
    Pan,

    /// <summary>
    /// Bank data (an IBAN or another account number): replaced by <c>sha256:&lt;hex&gt;</c>, the same fingerprint the
    /// <c>fingerprint</c> transform writes into <c>Supplier.bankAccountFingerprint</c>, so a dead letter can still be matched to its supplier.
    /// </summary>
    BankAccount,
}
