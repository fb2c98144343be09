using System.Globalization;
using System.Text;
using Confluent.Kafka;
using StreamFinance.Connectors.Sensitive;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Host.DeadLetters;

/// <summary>The headers a replayed record carries: the failed record's original headers, without the error headers, plus the replay attempt.</summary>
public static class ReplayHeaders
{
    /// <summary>
    /// The headers of the dead-letter record minus <c>__streams.errors.*</c>, the sensitive-value headers
    /// (<see cref="SensitiveDeadLetters.MaskedHeader"/>, <see cref="SensitiveDeadLetters.OriginalHeader"/>) and any earlier replay header, plus
    /// <see cref="RecordHeaders.ReplayAttempt"/> = the dead letter's <c>attemptCount</c> (processing attempts so far), so
    /// the topology records the next failure as attempt <c>attemptCount + 1</c>.
    /// </summary>
    public static Headers For(DeadLetter deadLetter, Headers? deadLetterRecordHeaders)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var headers = new Headers();
        foreach (var header in deadLetterRecordHeaders ?? [])
            if (!header.Key.StartsWith(DeadLetterHeaders.Prefix, StringComparison.Ordinal) && header.Key is not (RecordHeaders.ReplayAttempt or SensitiveDeadLetters.MaskedHeader or SensitiveDeadLetters.OriginalHeader))
                headers.Add(header.Key, header.GetValueBytes());
        headers.Add(RecordHeaders.ReplayAttempt, Encoding.UTF8.GetBytes(Math.Max(1, deadLetter.attemptCount).ToString(CultureInfo.InvariantCulture)));
        return headers;
    }
}
