using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace StreamFinance.Connectors.Mapping;

/// <summary>
/// The mapping profiles of a directory (<c>*.yaml</c>), by profile name. Loading at construction is strict: an invalid
/// profile throws <see cref="MappingProfileException"/>. After that the catalog watches the directory and reloads
/// without a restart (debounced, default 300 ms): a valid edit replaces the profile and raises <see cref="Reloaded"/>;
/// an invalid edit is logged and the previous good version stays in force. <see cref="Reload"/> does the same on demand.
/// </summary>
public sealed class MappingProfileCatalog : IDisposable
{
    private readonly WatchedProfileFolder<IRecordMapper> folder;

    /// <summary>Loads every <c>*.yaml</c> of <paramref name="directory"/>.</summary>
    /// <param name="directory">The profile directory.</param>
    /// <param name="loader">The loader (default: <see cref="MappingProfileLoader"/> with the default formats).</param>
    /// <param name="logger">Where reload problems are logged.</param>
    /// <param name="watch">Whether to reload on file changes (default true).</param>
    /// <param name="debounce">How long to wait after the last change before reloading (default 300 ms).</param>
    /// <exception cref="MappingProfileException">A profile is invalid, or two files declare the same profile name.</exception>
    public MappingProfileCatalog(string directory, MappingProfileLoader? loader = null, ILogger? logger = null, bool watch = true, TimeSpan? debounce = null)
    {
        var load = loader ?? new MappingProfileLoader();
        folder = new WatchedProfileFolder<IRecordMapper>(
            directory, load.LoadFile, m => m.ProfileName, m => m.ProfileId, logger ?? NullLogger.Instance, watch, debounce ?? TimeSpan.FromMilliseconds(300));
        folder.Reloaded += (_, args) => Reloaded?.Invoke(this, args);
    }

    /// <summary>Raised after each reload, with what was loaded and what was rejected.</summary>
    public event EventHandler<MappingProfilesReloadedEventArgs>? Reloaded;

    /// <summary>The profiles in force, by name.</summary>
    public IReadOnlyDictionary<string, IRecordMapper> Profiles => folder.Profiles;

    /// <summary>The profile named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such profile; the message lists the loaded ones.</exception>
    public IRecordMapper Get(string name) => folder.Get(name);

    /// <summary>Looks a profile up by name.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IRecordMapper? mapper) => folder.TryGet(name, out mapper);

    /// <summary>Reloads the directory now: valid files replace their profiles, invalid ones keep the previous version and are logged.</summary>
    public MappingProfilesReloadedEventArgs Reload() => folder.Reload();

    /// <inheritdoc />
    public void Dispose() => folder.Dispose();
}
