using System.Security.Cryptography;
using System.Text;

namespace StreamFinance.Connectors.Sensitive;

/// <summary>
/// Keeps the original bytes of a masked dead letter recoverable for whoever holds the connector's
/// <c>DeadLetterSecret</c>, and for no one else: AES-256-GCM with a random 96-bit nonce, bound to the dead letter it
/// belongs to (processor and correlation id as associated data), so a sealed value moved onto another dead letter
/// does not open. Sealed form: version byte 1, nonce (12 bytes), tag (16 bytes), ciphertext. Thread-safe.
/// </summary>
public sealed class SensitiveOriginalCipher
{
    /// <summary>Length of the key in bytes: 32 (AES-256).</summary>
    public const int KeyBytes = 32;

    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly byte[] key;

    /// <summary>A cipher with <paramref name="key"/> (32 bytes).</summary>
    public SensitiveOriginalCipher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != KeyBytes)
            throw new ArgumentException($"The key has {key.Length} bytes; AES-256 needs {KeyBytes}.", nameof(key));
        this.key = key.ToArray();
    }

    /// <summary>The cipher of a <c>DeadLetterSecret</c> setting: base64 of 32 random bytes (<c>openssl rand -base64 32</c>).</summary>
    /// <exception cref="FormatException">The secret is not base64 of 32 bytes; the message does not repeat it.</exception>
    public static SensitiveOriginalCipher FromSecret(string secret) =>
        ProblemWith(secret) is { } problem ? throw new FormatException(problem) : new SensitiveOriginalCipher(Convert.FromBase64String(secret.Trim()));

    /// <summary>What is wrong with <paramref name="secret"/> as a <c>DeadLetterSecret</c>, or null when it is usable. Never repeats the secret.</summary>
    public static string? ProblemWith(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
            return "it is empty; give base64 of 32 random bytes (openssl rand -base64 32)";
        var decoded = new byte[secret.Length];
        return !Convert.TryFromBase64String(secret.Trim(), decoded, out var length) || length != KeyBytes
            ? "it is not base64 of exactly 32 bytes; give base64 of 32 random bytes (openssl rand -base64 32)"
            : null;
    }

    /// <summary>Encrypts <paramref name="original"/>, bound to <paramref name="associated"/>.</summary>
    public byte[] Seal(ReadOnlySpan<byte> original, string associated)
    {
        var sealedValue = new byte[1 + NonceBytes + TagBytes + original.Length];
        sealedValue[0] = Version;
        var nonce = sealedValue.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, original, sealedValue.AsSpan(1 + NonceBytes + TagBytes), sealedValue.AsSpan(1 + NonceBytes, TagBytes), Encoding.UTF8.GetBytes(associated));
        return sealedValue;
    }

    /// <summary>Decrypts what <see cref="Seal"/> made with the same key and <paramref name="associated"/>.</summary>
    /// <exception cref="CryptographicException">Another key, other associated data, or altered bytes.</exception>
    public byte[] Open(ReadOnlySpan<byte> sealedValue, string associated)
    {
        if (sealedValue.Length < 1 + NonceBytes + TagBytes || sealedValue[0] != Version)
            throw new CryptographicException($"The sealed original is not in version {Version} form (version byte, nonce, tag, ciphertext).");
        var original = new byte[sealedValue.Length - 1 - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedValue.Slice(1, NonceBytes), sealedValue[(1 + NonceBytes + TagBytes)..], sealedValue.Slice(1 + NonceBytes, TagBytes), original, Encoding.UTF8.GetBytes(associated));
        return original;
    }
}
