using System.Collections;
using Avro;
using Avro.Specific;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// Structural equality of generated Avro records, which do not override <see cref="object.Equals(object)"/>: same record
/// type and equal field values, recursively through nested records, arrays, maps and bytes. The top-level
/// <c>envelope</c> is ignored, so a re-sent object with a new event id and ingest time counts as the same content.
/// </summary>
public static class AvroContent
{
    /// <summary>The field ignored at the top level: lineage, not content.</summary>
    public const string EnvelopeField = "envelope";

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> hold the same content apart from their envelopes; two nulls are equal.</summary>
    public static bool SameContent(object? a, object? b) => ValueEquals(a, b, EnvelopeField);

    private static bool ValueEquals(object? a, object? b, string? ignoredField)
    {
        if (a is null || b is null)
            return a is null && b is null;
        if (a.GetType() != b.GetType())
            return false;
        return a switch
        {
            ISpecificRecord record => RecordEquals(record, (ISpecificRecord)b, ignoredField),
            byte[] bytes => bytes.AsSpan().SequenceEqual((byte[])b),
            IDictionary map => MapEquals(map, (IDictionary)b),
            IList list => ListEquals(list, (IList)b),
            _ => a.Equals(b),
        };
    }

    private static bool RecordEquals(ISpecificRecord a, ISpecificRecord b, string? ignoredField)
    {
        foreach (var field in ((RecordSchema)a.Schema).Fields)
            if (field.Name != ignoredField && !ValueEquals(a.Get(field.Pos), b.Get(field.Pos), null))
                return false;
        return true;
    }

    private static bool ListEquals(IList a, IList b)
    {
        if (a.Count != b.Count)
            return false;
        for (var i = 0; i < a.Count; i++)
            if (!ValueEquals(a[i], b[i], null))
                return false;
        return true;
    }

    private static bool MapEquals(IDictionary a, IDictionary b)
    {
        if (a.Count != b.Count)
            return false;
        foreach (DictionaryEntry entry in a)
            if (!b.Contains(entry.Key) || !ValueEquals(entry.Value, b[entry.Key], null))
                return false;
        return true;
    }
}
