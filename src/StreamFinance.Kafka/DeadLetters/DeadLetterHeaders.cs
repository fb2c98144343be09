using System.Globalization;
using System.Text;
using Confluent.Kafka;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// The headers of a dead-letter record: the failed record's own headers, then Kafka's <c>__streams.errors.*</c>
/// convention (as Kafka Streams' dead-letter queue and, as <c>__connect.errors.*</c>, Kafka Connect write them), so
/// that generic Kafka tooling can read why and where a record failed without the Avro schema. Values are UTF-8 text.
/// </summary>
public static class DeadLetterHeaders
{
    /// <summary>Prefix of every error header.</summary>
    public const string Prefix = "__streams.errors.";

    /// <summary>Topic the failed record was read from (or, for a production failure, was to be written to). Absent for file origins.</summary>
    public const string Topic = Prefix + "topic";

    /// <summary>Partition of the failed record, decimal. Absent when unknown.</summary>
    public const string Partition = Prefix + "partition";

    /// <summary>Offset of the failed record, decimal. Absent when unknown.</summary>
    public const string Offset = Prefix + "offset";

    /// <summary>Full .NET exception type name, or <c>BusinessRule</c>.</summary>
    public const string Exception = Prefix + "exception";

    /// <summary>The exception message, or the human message for a business-rule rejection.</summary>
    public const string Message = Prefix + "message";

    /// <summary>The exception with its stack trace, cut to <see cref="MaxStackTraceChars"/>. Absent without an exception.</summary>
    public const string StackTrace = Prefix + "stacktrace";

    /// <summary>StreamFinance reason code, for example <c>DESERIALIZATION_FAILED</c>.</summary>
    public const string Reason = Prefix + "reason";

    /// <summary>Owner role, for example <c>INTEGRATION_SUPPORT</c>.</summary>
    public const string Owner = Prefix + "owner";

    /// <summary>Topology processor or connector that failed.</summary>
    public const string Processor = Prefix + "processor";

    /// <summary>Longest stack trace kept in a header, in characters (default 8000); the full one is in the logs.</summary>
    public const int MaxStackTraceChars = 8000;

    /// <summary>
    /// The headers for <paramref name="deadLetter"/>: every header of <paramref name="original"/> except earlier
    /// <c>__streams.errors.*</c> ones (a replayed record that fails again describes its latest failure), within
    /// <see cref="DeadLetterLimits.OriginalHeaders"/>, then the error headers. <paramref name="original"/> is not modified.
    /// </summary>
    public static Headers For(DeadLetter deadLetter, Headers? original, Exception? exception = null)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var own = new Headers();
        foreach (var header in original?.Where(h => !h.Key.StartsWith(Prefix, StringComparison.Ordinal)) ?? [])
        {
            own.Add(header.Key, header.GetValueBytes());
        }
        var headers = new Headers();
        foreach (var (key, value) in DeadLetterLimits.OriginalHeaders(own).Kept)
        {
            headers.Add(key, value);
        }

        Add(headers, Topic, deadLetter.originTopic);
        Add(headers, Partition, deadLetter.originPartition?.ToString(CultureInfo.InvariantCulture));
        Add(headers, Offset, deadLetter.originOffset?.ToString(CultureInfo.InvariantCulture));
        Add(headers, Exception, deadLetter.exceptionType);
        Add(headers, Message, deadLetter.exceptionMessage ?? deadLetter.message);
        Add(headers, StackTrace, exception is null ? null : Truncate(exception.ToString()));
        Add(headers, Reason, deadLetter.reasonCode);
        Add(headers, Owner, deadLetter.ownerRole.ToString());
        Add(headers, Processor, deadLetter.processor);
        return headers;
    }

    /// <summary>The UTF-8 text of the last header named <paramref name="name"/>, or null when there is none.</summary>
    public static string? Read(Headers? headers, string name) =>
        headers is not null && headers.TryGetLastBytes(name, out var bytes) && bytes is not null ? Encoding.UTF8.GetString(bytes) : null;

    private static void Add(Headers headers, string name, string? value)
    {
        if (value is not null)
        {
            headers.Add(name, Encoding.UTF8.GetBytes(value));
        }
    }

    private static string Truncate(string text) =>
        text.Length <= MaxStackTraceChars ? text : string.Concat(text.AsSpan(0, MaxStackTraceChars), " ...(truncated)");
}
