using System.Security.Cryptography;
using Confluent.Kafka;
using StreamFinance.Connectors.Sensitive;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Host.DeadLetters;

/// <summary>
/// The value a dead letter is replayed with: its raw value, unless a connector masked sensitive values in it; then the
/// original, opened with that connector's <c>DeadLetterSecret</c> (by the dead letter's processor, <c>connector.&lt;name&gt;</c>),
/// or nothing when the secret is not given or the original was not kept. A masked value is never replayed, nor one
/// whose raw key or value was cut to the dead-letter size limits (<see cref="DeadLetterLimits"/>).
/// </summary>
public static class ReplayValue
{
    /// <summary>The bytes to replay, or null when the dead letter cannot be replayed as it was received.</summary>
    /// <param name="deadLetter">The dead letter.</param>
    /// <param name="headers">The dead-letter record's headers.</param>
    /// <param name="ciphers">The connectors' dead-letter secrets by processor name (<c>connector.&lt;name&gt;</c>).</param>
    /// <exception cref="InvalidOperationException">The secret is not the one the original was sealed with.</exception>
    public static byte[]? Of(DeadLetter deadLetter, Headers? headers, IReadOnlyDictionary<string, SensitiveOriginalCipher> ciphers)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        ArgumentNullException.ThrowIfNull(ciphers);
        if (!DeadLetterLimits.IsReplayable(deadLetter))
            return null;
        if (!SensitiveDeadLetters.IsMasked(headers))
            return deadLetter.rawValue;
        if (!ciphers.TryGetValue(deadLetter.processor, out var cipher))
            return null;
        try
        {
            return SensitiveDeadLetters.Original(deadLetter, headers, cipher);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"The original of the dead letter of {DeadLetterOrigin.Of(deadLetter)} ({deadLetter.processor}) does not open with the configured DeadLetterSecret: " +
                "it was written under another secret, or its header was altered. Give the secret it was written with.", e);
        }
    }
}
