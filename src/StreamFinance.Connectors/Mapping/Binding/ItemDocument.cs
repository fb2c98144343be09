using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>
/// An array item seen from a profile: paths address the item, and paths prefixed with <c>^</c> address the record
/// the item belongs to (e.g. <c>^$.currency.code</c> on a PO line reads the order's currency).
/// </summary>
internal sealed class ItemDocument(ISourceDocument item, ISourceDocument parent) : ISourceDocument
{
    public string? Value(string path) => path.StartsWith('^') ? parent.Value(path[1..]) : item.Value(path);

    public SourceValue Read(string path) => path.StartsWith('^') ? parent.Read(path[1..]) : item.Read(path);

    public IReadOnlyList<ISourceDocument> Items(string path) => path.StartsWith('^') ? parent.Items(path[1..]) : item.Items(path);
}
