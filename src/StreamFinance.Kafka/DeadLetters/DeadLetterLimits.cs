using System.Security.Cryptography;
using System.Text;
using Confluent.Kafka;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// The size limits of a dead letter, so that it always fits in a Kafka message whatever the failed record carried:
/// Kafka accepts a record of 900 KB, but its dead letter (raw bytes, plus messages that may quote the record or both of
/// its schemas, plus its headers) would exceed the 1 MB default <c>max.message.bytes</c>, be refused, and stop the
/// topology. What is cut is named in the dead letter's <c>truncated</c> field and counted by <see cref="DeadLetterMetrics"/>.
/// </summary>
/// <remarks>
/// At most, in bytes: raw value 256 Ki (its first bytes; the full length and SHA-256 are kept), raw key 16 Ki, message
/// and exception message 16 Ki characters each (64 KiB as UTF-8), the failed record's own headers 64 Ki (each value at
/// most 8 Ki), the stack-trace header 8 Ki characters, 32 violations with values of 256 and messages of 1 Ki characters
/// (160 KiB as UTF-8): under 800 KB in all. A dead letter whose raw key or value was cut
/// cannot be replayed; it still says where the record is (origin topic, partition and offset) and what it was.
/// </remarks>
public static class DeadLetterLimits
{
    /// <summary>Most bytes of the raw value kept: 256 KiB.</summary>
    public const int MaxRawValueBytes = 256 * 1024;

    /// <summary>Most bytes of the raw key kept: 16 KiB.</summary>
    public const int MaxRawKeyBytes = 16 * 1024;

    /// <summary>Most characters of <c>message</c> and of <c>exceptionMessage</c>: 16 Ki.</summary>
    public const int MaxTextChars = 16 * 1024;

    /// <summary>Most bytes of one header value of the failed record kept: 8 KiB.</summary>
    public const int MaxHeaderValueBytes = 8 * 1024;

    /// <summary>Most bytes of the failed record's headers (names and values) kept: 64 KiB.</summary>
    public const int MaxHeadersBytes = 64 * 1024;

    /// <summary>Most violations kept, the first ones (the first decides the reason): 32.</summary>
    public const int MaxViolations = 32;

    /// <summary>Most characters of a violation's value: 256.</summary>
    public const int MaxViolationValueChars = 256;

    /// <summary>Most characters of a violation's message: 1 Ki.</summary>
    public const int MaxViolationMessageChars = 1024;

    /// <summary>The names <c>truncated</c> lists.</summary>
    public static class Fields
    {
        /// <summary>The raw key.</summary>
        public const string RawKey = "rawKey";

        /// <summary>The raw value.</summary>
        public const string RawValue = "rawValue";

        /// <summary>The human message.</summary>
        public const string Message = "message";

        /// <summary>The exception message.</summary>
        public const string ExceptionMessage = "exceptionMessage";

        /// <summary>The failed record's own headers.</summary>
        public const string Headers = "headers";

        /// <summary>The violations: some dropped, or a value or message cut.</summary>
        public const string Violations = "violations";
    }

    /// <summary>
    /// Cuts <paramref name="deadLetter"/>'s fields to the limits in place, names them in <c>truncated</c>, and keeps the
    /// raw value's full length and SHA-256 when it is cut; names <c>headers</c> too when <paramref name="originalHeaders"/>
    /// will be cut by <see cref="OriginalHeaders"/>. Returns <paramref name="deadLetter"/>.
    /// </summary>
    public static DeadLetter Apply(DeadLetter deadLetter, Headers? originalHeaders)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var cut = new List<string>(deadLetter.truncated ?? []);
        if (deadLetter.rawValue is { Length: > MaxRawValueBytes } value)
        {
            deadLetter.rawValueLength = value.LongLength;
            deadLetter.rawValueSha256 = Convert.ToHexStringLower(SHA256.HashData(value));
            deadLetter.rawValue = value[..MaxRawValueBytes];
            cut.Add(Fields.RawValue);
        }
        if (deadLetter.rawKey is { Length: > MaxRawKeyBytes } key)
        {
            deadLetter.rawKey = key[..MaxRawKeyBytes];
            cut.Add(Fields.RawKey);
        }
        if (Cut(deadLetter.message) is { } message)
        {
            deadLetter.message = message;
            cut.Add(Fields.Message);
        }
        if (Cut(deadLetter.exceptionMessage) is { } exceptionMessage)
        {
            deadLetter.exceptionMessage = exceptionMessage;
            cut.Add(Fields.ExceptionMessage);
        }
        if (OriginalHeaders(originalHeaders).Cut)
            cut.Add(Fields.Headers);
        if (CutViolations(deadLetter))
            cut.Add(Fields.Violations);
        deadLetter.truncated = cut.Distinct(StringComparer.Ordinal).ToList();
        return deadLetter;
    }

    /// <summary>Whether the dead letter's raw key and value are whole, so that replaying it re-submits the record as received.</summary>
    public static bool IsReplayable(DeadLetter deadLetter)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var cut = deadLetter.truncated ?? [];
        return !cut.Contains(Fields.RawValue) && !cut.Contains(Fields.RawKey);
    }

    /// <summary>
    /// The failed record's headers that a dead letter keeps, in order: each value cut to <see cref="MaxHeaderValueBytes"/>,
    /// and none after <see cref="MaxHeadersBytes"/> is reached. <paramref name="headers"/> itself is not changed.
    /// </summary>
    public static (IReadOnlyList<(string Key, byte[]? Value)> Kept, bool Cut) OriginalHeaders(Headers? headers)
    {
        var kept = new List<(string, byte[]?)>();
        var cut = false;
        var total = 0;
        foreach (var header in headers ?? [])
        {
            var value = header.GetValueBytes();
            if (value is { Length: > MaxHeaderValueBytes })
            {
                value = value[..MaxHeaderValueBytes];
                cut = true;
            }
            var size = Encoding.UTF8.GetByteCount(header.Key) + (value?.Length ?? 0);
            if (total + size > MaxHeadersBytes)
            {
                cut = true;
                continue;
            }
            total += size;
            kept.Add((header.Key, value));
        }
        return (kept, cut);
    }

    /// <summary>Keeps the first <see cref="MaxViolations"/> violations, their values and messages cut; whether anything was cut.</summary>
    private static bool CutViolations(DeadLetter deadLetter)
    {
        var violations = deadLetter.violations ?? [];
        var cut = violations.Count > MaxViolations;
        var kept = violations.Take(MaxViolations).ToList();
        foreach (var violation in kept)
        {
            if (Cut(violation.value, MaxViolationValueChars) is { } value)
                (violation.value, cut) = (value, true);
            if (Cut(violation.message, MaxViolationMessageChars) is { } message)
                (violation.message, cut) = (message, true);
        }
        deadLetter.violations = kept;
        return cut;
    }

    /// <summary>The text cut to <paramref name="max"/> characters, ending with a note of how much was cut, or null when it fits.</summary>
    private static string? Cut(string? text, int max = MaxTextChars)
    {
        if (text is null || text.Length <= max)
            return null;
        // Room for the note, which is shorter than this.
        var keep = max - 48;
        // Never split a surrogate pair.
        if (char.IsHighSurrogate(text[keep - 1]))
            keep--;
        return string.Concat(text.AsSpan(0, keep), $" ...({text.Length - keep} more characters cut)");
    }
}
