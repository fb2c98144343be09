using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace StreamFinance.Connectors.Mapping.Outbound;

/// <summary>
/// The outbound profiles of a directory (default <c>Profiles/outbound</c>), by name, reloaded like the inbound ones
/// (<see cref="MappingProfileCatalog"/>): an edited profile applies to the next record sent without a restart, an
/// invalid edit is logged and the previous version stays in force.
/// </summary>
public sealed class OutboundProfileCatalog : IDisposable
{
    /// <summary>The folder of outbound profiles inside the profile directory.</summary>
    public const string Folder = "outbound";

    private readonly WatchedProfileFolder<OutboundProfile> folder;

    /// <summary>Loads every <c>*.yaml</c> of <paramref name="directory"/>.</summary>
    /// <exception cref="MappingProfileException">A profile is invalid, or two files declare the same name.</exception>
    public OutboundProfileCatalog(string directory, ILogger? logger = null, bool watch = true, TimeSpan? debounce = null)
    {
        var loader = new MappingProfileLoader();
        folder = new WatchedProfileFolder<OutboundProfile>(
            directory, loader.LoadOutboundFile, p => p.Name, p => p.ProfileId, logger ?? NullLogger.Instance, watch, debounce ?? TimeSpan.FromMilliseconds(300));
        folder.Reloaded += (_, args) => Reloaded?.Invoke(this, args);
    }

    /// <summary>Raised after each reload.</summary>
    public event EventHandler<MappingProfilesReloadedEventArgs>? Reloaded;

    /// <summary>The profiles in force, by name.</summary>
    public IReadOnlyDictionary<string, OutboundProfile> Profiles => folder.Profiles;

    /// <summary>The profile named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such profile; the message lists the loaded ones.</exception>
    public OutboundProfile Get(string name) => folder.Get(name);

    /// <summary>The version in force of profile <paramref name="name"/>, or <paramref name="fallback"/> when it is no longer loaded.</summary>
    public OutboundProfile Current(string name, OutboundProfile fallback) => folder.TryGet(name, out var profile) ? profile : fallback;

    /// <summary>Reloads now.</summary>
    public MappingProfilesReloadedEventArgs Reload() => folder.Reload();

    /// <inheritdoc />
    public void Dispose() => folder.Dispose();
}
