namespace StreamFinance.Connectors.Sources;

/// <summary>Adapters to <see cref="ISourceFormatRegistry"/>.</summary>
public static class SourceFormatRegistry
{
    /// <summary>A registry holding exactly <paramref name="formats"/>, by <see cref="ISourceFormat.Name"/> (case-insensitive).</summary>
    public static ISourceFormatRegistry Of(params ISourceFormat[] formats) =>
        From(formats.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase).GetValueOrDefault);

    /// <summary>A registry that asks <paramref name="find"/>, which returns null for an unknown name.</summary>
    public static ISourceFormatRegistry From(Func<string, ISourceFormat?> find) => new Delegating(find ?? throw new ArgumentNullException(nameof(find)));

    private sealed class Delegating(Func<string, ISourceFormat?> find) : ISourceFormatRegistry
    {
        public ISourceFormat? Find(string name) => find(name);
    }
}
