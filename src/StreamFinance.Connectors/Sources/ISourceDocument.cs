namespace StreamFinance.Connectors.Sources;

/// <summary>
/// The fields of one parsed source record, addressed by the path syntax of its format, so that a mapping profile can
/// read any format the same way:
/// <list type="bullet">
/// <item>JSON and JSON Lines: a JSON path relative to the record, <c>$.amount.value</c>, <c>$.lines[0].sku</c>.</item>
/// <item>CSV: the column header, <c>Cost Center</c> (exact, after trimming the header).</item>
/// <item>EDI X12: segment id and two-digit element position, <c>BEG03</c>, <c>ISA06</c>, optionally qualified by its first element, <c>N1[ST]02</c>, <c>DTM[002]02</c>; components as <c>PO107-1</c>; items are loops such as <c>PO1</c>, <c>IT1</c>, <c>N1</c> (see <c>X12SourceDocument</c>).</item>
/// </list>
/// </summary>
public interface ISourceDocument
{
    /// <summary>The text at <paramref name="path"/>, or null when the path is absent or empty. JSON numbers and booleans come back in their JSON text.</summary>
    /// <exception cref="FormatException">The path itself is malformed for this format.</exception>
    string? Value(string path);

    /// <summary>
    /// The value at <paramref name="path"/> with its type in the payload, for typed reads (a JSON string where the
    /// vendor's schema has a number is the payload's fault). Default: <see cref="Value"/> as untyped text.
    /// </summary>
    /// <exception cref="FormatException">The path itself is malformed for this format.</exception>
    SourceValue Read(string path) => SourceValue.Untyped(Value(path));

    /// <summary>
    /// The repeated items at <paramref name="path"/> (JSON array elements, EDI loops such as <c>PO1</c> or <c>IT1</c> with their
    /// child segments), in source order, each a document of its own; empty when absent.
    /// </summary>
    /// <exception cref="FormatException">The path itself is malformed for this format.</exception>
    IReadOnlyList<ISourceDocument> Items(string path);
}
