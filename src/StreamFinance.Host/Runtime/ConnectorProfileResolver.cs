using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Mapping.Outbound;
using StreamFinance.Connectors.Sources;
using StreamFinance.Host.Configuration;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// Resolves a configured connector's mapping profile and source format, and checks them all before anything starts, so
/// that an unknown profile, a format nobody provides, or a <c>Topic</c> the profile does not write is a configuration
/// error (exit code 2) naming the connector and the profile, never a connector failing after start.
/// </summary>
public static class ConnectorProfileResolver
{
    /// <summary>The mapper and format connector <paramref name="name"/> reads with.</summary>
    /// <exception cref="ConfigurationException">The profile is not loaded, its format is not registered, or its target differs from the connector's <c>Topic</c>.</exception>
    public static (IRecordMapper Mapper, ISourceFormat Format) Resolve(string name, ConnectorOptions options, IMapperSource? mappers, ISourceFormatRegistry? formats)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (mappers is null || formats is null)
            throw new ConfigurationException(
                $"Connectors:{name} needs mapping profile '{options.Profile}', but no mapping profile catalog or source formats are wired " +
                $"(the profile folder, {MappingOptions.Section}:ProfilesDirectory, was not found). Set {MappingOptions.Section}:ProfilesDirectory to the folder of *.yaml profiles or disable the connector (Enabled=false).");
        IRecordMapper mapper;
        try
        {
            mapper = mappers.Get(options.Profile!);
        }
        catch (KeyNotFoundException e)
        {
            throw new ConfigurationException($"Connectors:{name}:Profile names profile '{options.Profile}', which is unknown: {e.Message}", e);
        }

        var format = formats.Find(mapper.Format)
            ?? throw new ConfigurationException($"Connectors:{name}: profile {mapper.ProfileId} reads format '{mapper.Format}', which no registered source format provides.");
        if (options.Topic is { } topic && topic != mapper.TargetTopic.Name)
            throw new ConfigurationException(
                $"Connectors:{name}:Topic is {topic}, but its profile {mapper.ProfileId} writes {mapper.TargetTopic.Name}; make the connector's Topic {mapper.TargetTopic.Name} or choose a profile that writes {topic}.");
        return (mapper, format);
    }

    /// <summary>The outbound profile ERP sink <paramref name="name"/> posts with.</summary>
    /// <exception cref="ConfigurationException">The profile is not loaded, or its source differs from the connector's <c>Topic</c>.</exception>
    public static OutboundProfile ResolveOutbound(string name, ConnectorOptions options, OutboundProfileCatalog? outbound)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (outbound is null)
            throw new ConfigurationException(
                $"Connectors:{name} needs outbound profile '{options.Profile}', but no outbound profiles are loaded (the folder '{OutboundProfileCatalog.Folder}' inside " +
                $"{MappingOptions.Section}:ProfilesDirectory was not found). Put the outbound *.yaml profiles there or disable the connector (Enabled=false).");
        OutboundProfile profile;
        try
        {
            profile = outbound.Get(options.Profile!);
        }
        catch (KeyNotFoundException e)
        {
            throw new ConfigurationException($"Connectors:{name}:Profile names outbound profile '{options.Profile}', which is unknown: {e.Message}", e);
        }
        if (options.Topic is { } topic && topic != profile.Source.Name)
            throw new ConfigurationException(
                $"Connectors:{name}:Topic is {topic}, but its profile {profile.ProfileId} sends {profile.Source.Name}; make the connector's Topic {profile.Source.Name} or choose a profile for {topic}.");
        return profile;
    }

    /// <summary>Resolves every enabled connector that reads or sends with a profile; all problems are reported at once.</summary>
    /// <exception cref="ConfigurationException">At least one connector cannot be resolved; the message has one sentence per connector.</exception>
    public static void CheckAll(IReadOnlyDictionary<string, ConnectorOptions> connectors, IMapperSource? mappers, ISourceFormatRegistry? formats, OutboundProfileCatalog? outbound = null)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        var problems = new List<string>();
        foreach (var (name, options) in connectors.Where(c => c.Value.Enabled && c.Value.Kind is not (null or ConnectorKind.Generator)).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            try
            {
                if (options.Kind == ConnectorKind.ErpRest)
                    ResolveOutbound(name, options, outbound);
                else
                    Resolve(name, options, mappers, formats);
            }
            catch (ConfigurationException e)
            {
                problems.Add(e.Message);
            }
        }
        if (problems.Count > 0)
            throw new ConfigurationException(string.Join(" ", problems));
    }
}
