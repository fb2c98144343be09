namespace StreamFinance.Connectors.Sources;

/// <summary>
/// A value read with its source type, for typed reads: <see cref="Text"/> as <see cref="ISourceDocument.Value"/> gives
/// it, and what the payload said it is. Formats without types (CSV, X12) say <see cref="SourceValueKind.Text"/>.
/// </summary>
/// <param name="Text">The value's text; null when absent, JSON null or empty.</param>
/// <param name="Kind">The value's type in the payload.</param>
public readonly record struct SourceValue(string? Text, SourceValueKind Kind)
{
    /// <summary>A value of an untyped format: <see cref="SourceValueKind.Text"/>, or <see cref="SourceValueKind.Absent"/> when null.</summary>
    public static SourceValue Untyped(string? text) => new(text, text is null ? SourceValueKind.Absent : SourceValueKind.Text);
}

/// <summary>The type a payload gives a value.</summary>
public enum SourceValueKind
{
    /// <summary>No value at the path (or an empty string).</summary>
    Absent,

    /// <summary>An explicit JSON <c>null</c>.</summary>
    Null,

    /// <summary>Text of a format without types (a CSV cell, an X12 element).</summary>
    Text,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A JSON object.</summary>
    Object,

    /// <summary>A JSON array.</summary>
    Array,
}
