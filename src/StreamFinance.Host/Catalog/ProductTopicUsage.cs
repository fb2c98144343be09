using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Mapping.Outbound;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Host.Configuration;
using StreamFinance.Topologies;
using StreamFinance.Kafka;

namespace StreamFinance.Host.Catalog;

/// <summary>
/// The one place that puts together who writes and reads each catalog topic: the topologies
/// (<see cref="TopologyTopicUser"/>), the connectors (<see cref="ConnectorTopicUsers"/>: their runtime, the generator and
/// the mapping profiles) and the commands (<see cref="CommandTopicUsers"/>). <c>topics list</c>, the README table, the
/// <c>docs</c> index, provisioning (<c>topics apply</c>, <c>broker</c>, <c>demo</c>, <c>run</c>) and <c>dlq replay</c>
/// all ask it, so a topic nothing writes is planned everywhere at once.
/// </summary>
public static class ProductTopicUsage
{
    /// <summary>The mapping profiles shipped next to the executable (the default of <c>Mapping:ProfilesDirectory</c>).</summary>
    public static string ShippedProfilesDirectory => Path.Combine(AppContext.BaseDirectory, "Profiles");

    /// <summary>
    /// The product as shipped: <paramref name="topologies"/> (default <see cref="TopologyCatalog.All"/>), every connector
    /// runtime, the generator, the shipped mapping profiles, and the commands.
    /// </summary>
    /// <exception cref="ConfigurationException">A shipped profile is invalid (<c>file:line: problem</c>).</exception>
    public static TopicUsage Shipped(IReadOnlyList<IStreamTopology>? topologies = null) => Of(topologies ?? TopologyCatalog.All, ShippedProfiles(), ShippedOutboundProfiles());

    /// <summary>
    /// What a pipeline running <paramref name="running"/> uses: the shipped product with <paramref name="running"/> in
    /// place of the catalog's topologies of the same name (tests and benchmarks run others), plus the configured
    /// <paramref name="connectors"/> (see <see cref="Configured"/>).
    /// </summary>
    /// <exception cref="ConfigurationException">A shipped profile is invalid.</exception>
    public static TopicUsage ForPipeline(IEnumerable<IStreamTopology> running, IReadOnlyDictionary<string, ConnectorOptions>? connectors = null, IMapperSource? mappers = null)
    {
        ArgumentNullException.ThrowIfNull(running);
        var topologies = running.Concat(TopologyCatalog.All).DistinctBy(t => t.Name).ToList();
        return Shipped(topologies).With(connectors is null ? [] : Configured(connectors, mappers));
    }

    /// <summary>The usage by <paramref name="topologies"/>, the connectors with <paramref name="profiles"/>, the ERP sinks with <paramref name="outbound"/> profiles, and the commands.</summary>
    public static TopicUsage Of(IReadOnlyList<IStreamTopology> topologies, IEnumerable<IRecordMapper> profiles, IEnumerable<OutboundProfile>? outbound = null)
    {
        ArgumentNullException.ThrowIfNull(topologies);
        return TopicUsage.Of(Topics.All, [.. topologies.Select(TopologyTopicUser.Of), .. ConnectorTopicUsers.With(profiles, outbound), .. CommandTopicUsers.Of(topologies)]);
    }

    /// <summary>
    /// The connectors a deployment configures, each writing its profile's target (a profile may target any catalog
    /// topic, so a deployment's own profile can make a planned topic live). Disabled connectors, and connectors whose
    /// profile is not loaded (<c>run</c> refuses to start with them), write nothing.
    /// </summary>
    public static IReadOnlyList<TopicUser> Configured(IReadOnlyDictionary<string, ConnectorOptions> connectors, IMapperSource? mappers)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        var users = new List<TopicUser>();
        foreach (var (_, options) in connectors.Where(c => c.Value.Enabled).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (options.Kind == ConnectorKind.Generator)
                users.Add(ConnectorTopicUsers.Generator);
            else if (options.Profile is { } profile && mappers is not null && TryGet(mappers, profile) is { } mapper)
                users.Add(ConnectorTopicUsers.Profile(mapper));
        }

        return users;
    }

    private static IRecordMapper? TryGet(IMapperSource mappers, string profile)
    {
        try
        {
            return mappers.Get(profile);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    private static IReadOnlyList<IRecordMapper> ShippedProfiles()
    {
        if (!Directory.Exists(ShippedProfilesDirectory))
            return [];
        try
        {
            using var catalog = new MappingProfileCatalog(ShippedProfilesDirectory, watch: false);
            return catalog.Profiles.Values.OrderBy(p => p.ProfileName, StringComparer.Ordinal).ToList();
        }
        catch (MappingProfileException e)
        {
            throw new ConfigurationException($"mapping profile {e.File}:{e.Line}: {e.Problem} Fix the shipped profile next to the executable.", e);
        }
    }

    private static IReadOnlyList<OutboundProfile> ShippedOutboundProfiles()
    {
        var directory = Path.Combine(ShippedProfilesDirectory, OutboundProfileCatalog.Folder);
        if (!Directory.Exists(directory))
            return [];
        try
        {
            using var catalog = new OutboundProfileCatalog(directory, watch: false);
            return catalog.Profiles.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        }
        catch (MappingProfileException e)
        {
            throw new ConfigurationException($"outbound profile {e.File}:{e.Line}: {e.Problem} Fix the shipped profile next to the executable.", e);
        }
    }
}
