using System.Globalization;
using Avro;

namespace StreamFinance.Embedded.SchemaRegistry.Internals;

/// <summary>Reads the precision and scale of a <c>decimal</c> logical schema (scale defaults to 0).</summary>
internal static class AvroDecimal
{
    public static bool IsDecimal(LogicalSchema schema) => schema.LogicalTypeName == "decimal";

    public static int Precision(LogicalSchema schema) => ReadInt(schema, "precision", 0);

    public static int Scale(LogicalSchema schema) => ReadInt(schema, "scale", 0);

    private static int ReadInt(LogicalSchema schema, string property, int fallback)
    {
        var raw = schema.GetProperty(property);
        return string.IsNullOrEmpty(raw)
            ? fallback
            : int.Parse(raw.Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture);
    }
}
