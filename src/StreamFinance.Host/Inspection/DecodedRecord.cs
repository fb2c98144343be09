using StreamFinance.Kafka.SerDes;
using System.Text;
using Avro.Specific;
using Confluent.Kafka;

namespace StreamFinance.Host.Inspection;

/// <summary>
/// One record of a topic as the inspection commands print it: where it sits, its key and headers, and its value
/// decoded, or, when the bytes do not decode, why, with the bytes in base64 so that nothing is hidden.
/// </summary>
public sealed record DecodedRecord(
    string Topic, int Partition, long Offset, DateTimeOffset Timestamp, string? Key,
    IReadOnlyList<KeyValuePair<string, string>> Headers, ISpecificRecord? Value, string? Error, byte[]? RawValue)
{
    /// <summary>Decodes <paramref name="result"/>'s value with <paramref name="decoder"/>; a null value is a tombstone, not an error.</summary>
    public static DecodedRecord From(ConsumeResult<string, byte[]> result, CatalogRecordDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(decoder);
        var headers = (result.Message.Headers ?? []).Select(h => KeyValuePair.Create(h.Key, HeaderText(h.GetValueBytes()))).ToList();
        ISpecificRecord? value = null;
        string? error = null;
        if (result.Message.Value is { } bytes)
        {
            try
            {
                value = decoder.Decode(bytes, result.Message.Headers);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                error = $"not a {decoder.Topic.ValueType.Name} record: {e.GetBaseException().Message}";
            }
        }
        return new DecodedRecord(result.Topic, result.Partition.Value, result.Offset.Value, result.Message.Timestamp.UtcDateTime,
            result.Message.Key, headers, value, error, error is null ? null : result.Message.Value);
    }

    // Header values are text in this product (the __streams.errors.* headers, the replay header); anything else is shown as base64.
    private static string HeaderText(byte[]? bytes)
    {
        if (bytes is null)
            return "";
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return "base64:" + Convert.ToBase64String(bytes);
        }
    }
}
