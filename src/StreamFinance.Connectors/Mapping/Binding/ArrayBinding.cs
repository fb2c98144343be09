using System.Collections;
using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>
/// An array field. With <c>items</c>, one element per item at that path (each element mapped relative to its item);
/// without, exactly one element mapped from the record itself. With <c>split</c>, the elements are the parts of one
/// text value. A nullable array is null when there are no items.
/// </summary>
internal sealed class ArrayBinding(Type elementType, string? itemsPath, ValueBinding? element, ValueSpec? splitSource, string? separator, AvroScalar? splitScalar, bool nullable) : ValueBinding
{
    public override object? Build(ISourceDocument document, MappingScope scope, string field)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
        if (splitSource is not null)
        {
            var text = splitSource.Evaluate(document, field);
            var parts = text is null ? [] : text.Split(separator!, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = 0; i < parts.Length; i++)
                list.Add(splitScalar!.Convert(parts[i], $"{field}[{i}]", splitSource.Describe()));
        }
        else
        {
            var items = itemsPath is null ? [document] : document.Items(itemsPath);
            for (var i = 0; i < items.Count; i++)
                list.Add(element!.Build(itemsPath is null ? items[i] : new ItemDocument(items[i], document), scope, $"{field}[{i}]"));
        }
        return nullable && list.Count == 0 ? null : list;
    }

    public override bool AnyPresent(ISourceDocument document) =>
        splitSource is not null ? splitSource.Evaluate(document, string.Empty) is not null
        : itemsPath is null ? element!.AnyPresent(document) : document.Items(itemsPath).Count > 0;
}
