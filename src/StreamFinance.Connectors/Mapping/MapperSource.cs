namespace StreamFinance.Connectors.Mapping;

/// <summary>Adapters to <see cref="IMapperSource"/>.</summary>
public static class MapperSource
{
    /// <summary>A source that asks <paramref name="get"/>, e.g. <c>MapperSource.From(catalog.Get)</c>.</summary>
    public static IMapperSource From(Func<string, IRecordMapper> get) => new Delegating(get ?? throw new ArgumentNullException(nameof(get)));

    /// <summary>A source holding exactly <paramref name="mappers"/>, looked up by <see cref="IRecordMapper.ProfileName"/>.</summary>
    public static IMapperSource Of(params IRecordMapper[] mappers)
    {
        var byName = mappers.ToDictionary(m => m.ProfileName, StringComparer.Ordinal);
        return From(name => byName.TryGetValue(name, out var mapper)
            ? mapper
            : throw new KeyNotFoundException($"Mapping profile '{name}' is not loaded. Loaded profiles: {string.Join(", ", byName.Keys.Order())}."));
    }

    private sealed class Delegating(Func<string, IRecordMapper> get) : IMapperSource
    {
        public IRecordMapper Get(string profile) => get(profile);
    }
}
