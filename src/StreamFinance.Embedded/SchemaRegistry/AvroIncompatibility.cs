namespace StreamFinance.Embedded.SchemaRegistry;

/// <summary>
/// One reason a reader schema cannot read data written with a writer schema.
/// </summary>
/// <param name="Path">Where in the reader schema the problem is, for example <c>$.lines[].amount</c>.</param>
/// <param name="Message">What is wrong, in words a schema author can act on.</param>
public sealed record AvroIncompatibility(string Path, string Message)
{
    /// <summary>Returns <c>path: message</c>.</summary>
    public override string ToString() => $"{Path}: {Message}";
}
