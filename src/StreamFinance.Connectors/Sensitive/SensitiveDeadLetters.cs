using System.Text;
using Confluent.Kafka;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Sensitive;

/// <summary>
/// The masking of a connector's dead letters, applied to each one after it is built and before it is published, whatever
/// the format and the reason: raw key and value, message, exception message, correlation id and idempotency key are
/// masked with the record's <see cref="SensitiveValues"/> (the error headers are built from these fields, so they are
/// masked too). The original raw value is kept only with a <see cref="SensitiveOriginalCipher"/>, sealed in header
/// <see cref="OriginalHeader"/>; without one it is gone.
/// </summary>
public sealed class SensitiveDeadLetters(SensitiveOriginalCipher? cipher)
{
    /// <summary>Header marking a dead letter whose fields were masked (value <c>true</c>): its raw value is not the record as received.</summary>
    public const string MaskedHeader = "streamfinance.sensitive-masked";

    /// <summary>Header with the sealed original raw value (see <see cref="SensitiveOriginalCipher"/>); present only when a secret is configured.</summary>
    public const string OriginalHeader = "streamfinance.sensitive-original";

    /// <summary>Whether originals are kept (sealed).</summary>
    public bool KeepsOriginals => cipher is not null;

    /// <summary>
    /// Masks <paramref name="deadLetter"/> in place and returns the headers to publish it with: null when nothing was
    /// masked, else <see cref="MaskedHeader"/> and, with a cipher, <see cref="OriginalHeader"/>.
    /// </summary>
    public Headers? Mask(DeadLetter deadLetter, SensitiveValues values)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        ArgumentNullException.ThrowIfNull(values);
        if (values.IsNone)
            return null;
        var original = deadLetter.rawValue;
        var masked = false;
        deadLetter.rawValue = Masked(deadLetter.rawValue, values, ref masked);
        deadLetter.rawKey = Masked(deadLetter.rawKey, values, ref masked);
        deadLetter.message = Masked(deadLetter.message, values, ref masked)!;
        deadLetter.exceptionMessage = Masked(deadLetter.exceptionMessage, values, ref masked);
        deadLetter.correlationId = Masked(deadLetter.correlationId, values, ref masked)!;
        deadLetter.idempotencyKey = Masked(deadLetter.idempotencyKey, values, ref masked);
        if (!masked)
            return null;
        var headers = new Headers { { MaskedHeader, "true"u8.ToArray() } };
        if (cipher is not null && original is not null && !ReferenceEquals(original, deadLetter.rawValue))
            headers.Add(OriginalHeader, cipher.Seal(original, AssociatedData(deadLetter)));
        return headers;
    }

    /// <summary>
    /// The original raw value of a masked dead letter, opened with <paramref name="opener"/>; null when the dead letter
    /// carries none (no secret was configured when it was written).
    /// </summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The secret is not the one it was sealed with, or the header was altered.</exception>
    public static byte[]? Original(DeadLetter deadLetter, Headers? headers, SensitiveOriginalCipher opener)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        ArgumentNullException.ThrowIfNull(opener);
        return headers is not null && headers.TryGetLastBytes(OriginalHeader, out var sealedValue) && sealedValue is not null
            ? opener.Open(sealedValue, AssociatedData(deadLetter))
            : null;
    }

    /// <summary>Whether <paramref name="headers"/> mark a masked dead letter.</summary>
    public static bool IsMasked(Headers? headers) =>
        headers is not null && headers.TryGetLastBytes(MaskedHeader, out var value) && value is not null && Encoding.UTF8.GetString(value) == "true";

    private static string AssociatedData(DeadLetter deadLetter) => $"{OriginalHeader}/v1|{deadLetter.processor}|{deadLetter.correlationId}";

    private static T? Masked<T>(T? value, SensitiveValues values, ref bool masked) where T : class
    {
        var result = value switch
        {
            string text => values.Mask(text) as T,
            byte[] bytes => values.Mask(bytes) as T,
            _ => value,
        };
        masked |= !ReferenceEquals(result, value);
        return result;
    }
}
