namespace StreamFinance.Connectors.Sources;

/// <summary>
/// Where connectors find the <see cref="ISourceFormat"/> a mapping profile names. The formats work's
/// <c>SourceFormats.Default</c> is the real registry; wiring it is <c>SourceFormatRegistry.From(name =&gt; SourceFormats.Default.Get(name))</c>
/// or <see cref="SourceFormatRegistry.Of"/>.
/// </summary>
public interface ISourceFormatRegistry
{
    /// <summary>The format named <paramref name="name"/> (<c>csv</c>, <c>jsonl</c>, <c>json</c>, <c>x12</c>), or null when none is registered.</summary>
    ISourceFormat? Find(string name);
}
