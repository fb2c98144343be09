using System.Text;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sensitive;
using StreamFinance.Connectors.Sources;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Runtime;

/// <summary>The first stage every connector shares: a payload read by its format and mapped by its profile, one <see cref="IngestItem"/> per record.</summary>
public static class IngestItems
{
    /// <summary>
    /// Reads <paramref name="payload"/> with <paramref name="format"/> and maps each record with <paramref name="mapper"/>,
    /// lazily and in order. Unparseable records become <see cref="ReasonCode.ParseFailed"/> items naming the format's
    /// message; a mapper that throws (a bug, not bad data) becomes a <see cref="ReasonCode.MappingFailed"/> item too, so
    /// one record never stops the connector. Each item carries the record's values of the profile's <c>sensitive:</c>
    /// fields (<see cref="SensitiveValues"/>), so its dead letter can be masked whatever fails.
    /// </summary>
    public static IEnumerable<IngestItem> Read(ISourceFormat format, IRecordMapper mapper, ReadOnlyMemory<byte> payload, string location, DateTime ingestTime)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(mapper);
        var profile = mapper.ProfileId;
        var sensitive = mapper.SensitiveFields;
        foreach (var read in format.Read(payload, location, mapper.FormatOptions))
        {
            if (read.Failure is { } parse)
            {
                yield return IngestItem.Failed(parse.Position, parse.Raw, profile,
                    new MappingFailure(ReasonCode.ParseFailed, $"{parse.Position}: not readable as {format.Name}: {parse.Message}"), SensitiveValues.Unlocated(sensitive));
                continue;
            }

            var record = read.Record!;
            yield return Map(mapper, record, ingestTime, profile, SensitiveValues.Locate(sensitive, record.Document));
        }
    }

    /// <summary>
    /// A <see cref="ReasonCode.ParseFailed"/> item for a payload that no format could read at all (e.g. a webhook body
    /// that is not JSON); <paramref name="sensitive"/> are the profile's sensitive fields, masked by checksum. Default none.
    /// </summary>
    public static IngestItem Unreadable(SourcePosition position, ReadOnlyMemory<byte> raw, string? profile, string message, IReadOnlyList<SensitiveField>? sensitive = null) =>
        IngestItem.Failed(position, raw, profile, new MappingFailure(ReasonCode.ParseFailed, message), SensitiveValues.Unlocated(sensitive ?? []));

    private static IngestItem Map(IRecordMapper mapper, SourceRecord record, DateTime ingestTime, string profile, SensitiveValues sensitive)
    {
        MappingResult result;
        try
        {
            result = mapper.Map(record, ingestTime);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return IngestItem.Failed(record.Position, record.Raw, profile, new MappingFailure(
                ReasonCode.MappingFailed, $"{record.Position}: profile {profile} threw {e.GetType().Name}: {e.Message}. Report it to the profile's owner with this record."), sensitive);
        }

        return result.Record is { } mapped
            ? IngestItem.Mapped(record.Position, record.Raw, profile, mapper.TargetTopic, mapped, sensitive)
            : IngestItem.Failed(record.Position, record.Raw, profile, result.Failure! with { Message = Located(record.Position, result.Failure!.Message) }, sensitive);
    }

    /// <summary>The mapper's message led by the record's position, unless the mapper already names it (profile mappers do).</summary>
    private static string Located(SourcePosition position, string message)
    {
        var at = position.ToString();
        return message.Contains(at, StringComparison.Ordinal) ? message : $"{at}: {message}";
    }

    /// <summary>UTF-8 bytes of <paramref name="text"/>, for items built from text.</summary>
    public static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
