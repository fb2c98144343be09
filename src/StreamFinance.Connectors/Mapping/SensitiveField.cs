namespace StreamFinance.Connectors.Mapping;

/// <summary>A source field a mapping profile declares under <c>sensitive:</c>: it never appears in clear outside the source.</summary>
/// <param name="Path">The field's path in the source record (a CSV column, a JSON path, an X12 element), evaluated from the record itself.</param>
/// <param name="Kind">What it holds, which decides its mask.</param>
public sealed record SensitiveField(string Path, SensitiveKind Kind);
