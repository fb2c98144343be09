using System.Text;
using Avro.IO;
using Avro.Specific;
using Confluent.Kafka;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Connectors.Tests.Support;

/// <summary>Everything of a dead letter that reaches Kafka, as text: its Avro value and every header the publisher adds (error headers built from it, plus the headers given).</summary>
internal static class DeadLetterBytes
{
    public static string Of(DeadLetter deadLetter, Headers? headers, Exception? exception)
    {
        using var value = new MemoryStream();
        new SpecificDatumWriter<DeadLetter>(DeadLetter._SCHEMA).Write(deadLetter, new BinaryEncoder(value));
        var text = new StringBuilder(Encoding.Latin1.GetString(value.ToArray()));
        foreach (var header in DeadLetterHeaders.For(deadLetter, headers, exception))
            text.Append('\n').Append(header.Key).Append('=').Append(Encoding.Latin1.GetString(header.GetValueBytes()));
        if (deadLetter.rawKey is { } key)
            text.Append('\n').Append(Encoding.Latin1.GetString(key));
        return text.ToString();
    }
}
