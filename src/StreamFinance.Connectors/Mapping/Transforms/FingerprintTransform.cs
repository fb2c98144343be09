using StreamFinance.Kafka.Masking;

namespace StreamFinance.Connectors.Mapping.Transforms;

/// <summary>
/// <c>fingerprint</c>: lower-case hex SHA-256 of the value with white space removed and upper-cased, for bank account
/// numbers (IBANs) that must never enter the stream in clear (<c>Supplier.bankAccountFingerprint</c>).
/// </summary>
public sealed class FingerprintTransform : ITextTransform
{
    /// <inheritdoc />
    public string Apply(string text, TransformContext context) => Of(text);

    /// <summary>The fingerprint of <paramref name="text"/>; dead letters mask bank data with the same value.</summary>
    public static string Of(string text) => SensitiveMasks.Fingerprint(text);
}
