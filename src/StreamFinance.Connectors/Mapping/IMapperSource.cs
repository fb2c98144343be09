namespace StreamFinance.Connectors.Mapping;

/// <summary>
/// Where connectors get the mapper of a configured profile. The mapping engine's <c>MappingProfileCatalog</c> is the
/// real source; wiring it is <c>IMapperSource mappers = MapperSource.From(catalog.Get)</c>.
/// </summary>
public interface IMapperSource
{
    /// <summary>The mapper of profile <paramref name="profile"/>.</summary>
    /// <exception cref="KeyNotFoundException">No profile of that name is loaded; the message lists the loaded ones.</exception>
    IRecordMapper Get(string profile);
}
