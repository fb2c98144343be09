using Avro;
using AvroSchema = Avro.Schema;

namespace StreamFinance.Embedded.SchemaRegistry.Internals;

/// <summary>
/// The shallow "does this writer type match this reader type" test of Avro schema resolution,
/// used both for direct matches and to pick a reader union branch.
/// </summary>
internal static class AvroTypeMatch
{
    /// <summary>Strips a logical type down to the schema it annotates.</summary>
    public static AvroSchema Underlying(AvroSchema schema) =>
        schema is LogicalSchema logical ? logical.BaseSchema : schema;

    /// <summary>
    /// The reader branch a writer value resolves to: the first exact match by type (and name for named
    /// types), else the first branch the writer type can be promoted to; null when none matches.
    /// </summary>
    public static AvroSchema? FirstMatchingBranch(UnionSchema reader, AvroSchema writer) =>
        reader.Schemas.FirstOrDefault(branch => MatchesExactly(branch, writer))
        ?? reader.Schemas.FirstOrDefault(branch => Matches(branch, writer));

    /// <summary>True when the writer's type is the reader's type, or can be promoted to it.</summary>
    public static bool Matches(AvroSchema reader, AvroSchema writer) =>
        MatchesExactly(reader, writer) || IsPromotion(Underlying(reader).Tag, Underlying(writer).Tag);

    private static bool MatchesExactly(AvroSchema reader, AvroSchema writer)
    {
        var r = Underlying(reader);
        var w = Underlying(writer);
        return (r, w) switch
        {
            (UnionSchema, _) or (_, UnionSchema) => false,
            (NamedSchema readerNamed, NamedSchema writerNamed) =>
                SameNamedKind(r.Tag, w.Tag) && AvroNames.Match(readerNamed, writerNamed),
            _ => r.Tag == w.Tag,
        };
    }

    private static bool SameNamedKind(AvroSchema.Type reader, AvroSchema.Type writer) =>
        reader == writer || (IsRecordLike(reader) && IsRecordLike(writer));

    private static bool IsRecordLike(AvroSchema.Type type) =>
        type is AvroSchema.Type.Record or AvroSchema.Type.Error;

    private static bool IsPromotion(AvroSchema.Type reader, AvroSchema.Type writer) => (writer, reader) switch
    {
        (AvroSchema.Type.Int, AvroSchema.Type.Long or AvroSchema.Type.Float or AvroSchema.Type.Double) => true,
        (AvroSchema.Type.Long, AvroSchema.Type.Float or AvroSchema.Type.Double) => true,
        (AvroSchema.Type.Float, AvroSchema.Type.Double) => true,
        (AvroSchema.Type.String, AvroSchema.Type.Bytes) => true,
        (AvroSchema.Type.Bytes, AvroSchema.Type.String) => true,
        _ => false,
    };
}
