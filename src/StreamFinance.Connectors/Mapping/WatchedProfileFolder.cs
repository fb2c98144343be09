using Microsoft.Extensions.Logging;

namespace StreamFinance.Connectors.Mapping;

/// <summary>
/// The profiles of one directory (<c>*.yaml</c>, not its subfolders), by profile name, loaded strictly at construction
/// and then watched: after the last change (debounced) every file is loaded again; a valid edit replaces its profile,
/// an invalid one is logged and the previous version of that file stays in force. The one reload rule of inbound
/// (<see cref="MappingProfileCatalog"/>) and outbound (<see cref="Outbound.OutboundProfileCatalog"/>) profiles.
/// </summary>
/// <typeparam name="TProfile">The loaded profile.</typeparam>
internal sealed class WatchedProfileFolder<TProfile> : IDisposable
    where TProfile : class
{
    private readonly Func<string, TProfile> load;
    private readonly Func<TProfile, string> nameOf;
    private readonly Func<TProfile, string> idOf;
    private readonly ILogger logger;
    private readonly TimeSpan debounce;
    private readonly object gate = new();
    private readonly FileSystemWatcher? watcher;
    private Dictionary<string, TProfile> byFile;
    private Timer? pending;

    /// <exception cref="MappingProfileException">A profile is invalid, or two files declare the same profile name.</exception>
    public WatchedProfileFolder(
        string directory, Func<string, TProfile> load, Func<TProfile, string> nameOf, Func<TProfile, string> idOf, ILogger logger, bool watch, TimeSpan debounce)
    {
        Directory = Path.GetFullPath(directory);
        this.load = load;
        this.nameOf = nameOf;
        this.idOf = idOf;
        this.logger = logger;
        this.debounce = debounce;
        if (!System.IO.Directory.Exists(Directory))
            throw new DirectoryNotFoundException($"Mapping profile directory '{Directory}' does not exist; set the connectors' profile directory to the folder holding the *.yaml profiles.");
        var (loaded, errors) = LoadAll(previous: null);
        if (errors.Count > 0)
            throw errors[0];
        byFile = loaded;
        if (!watch)
            return;
        watcher = new FileSystemWatcher(Directory, "*.yaml") { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        watcher.Changed += (_, _) => Schedule();
        watcher.Created += (_, _) => Schedule();
        watcher.Deleted += (_, _) => Schedule();
        watcher.Renamed += (_, _) => Schedule();
        watcher.EnableRaisingEvents = true;
    }

    /// <summary>Raised after each reload, with what was loaded and what was rejected.</summary>
    public event EventHandler<MappingProfilesReloadedEventArgs>? Reloaded;

    /// <summary>The directory in full.</summary>
    public string Directory { get; }

    /// <summary>The profiles in force, by name.</summary>
    public IReadOnlyDictionary<string, TProfile> Profiles
    {
        get
        {
            lock (gate)
                return byFile.Values.ToDictionary(nameOf, StringComparer.Ordinal);
        }
    }

    /// <summary>Looks a profile up by name.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TProfile? profile)
    {
        lock (gate)
            profile = byFile.Values.FirstOrDefault(p => nameOf(p) == name);
        return profile is not null;
    }

    /// <summary>The profile named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such profile; the message lists the loaded ones.</exception>
    public TProfile Get(string name) =>
        TryGet(name, out var profile) ? profile : throw new KeyNotFoundException($"Mapping profile '{name}' is not loaded from {Directory}. Loaded: {string.Join(", ", Profiles.Keys.Order())}.");

    /// <summary>Reloads the directory now: valid files replace their profiles, invalid ones keep the previous version and are logged.</summary>
    public MappingProfilesReloadedEventArgs Reload()
    {
        MappingProfilesReloadedEventArgs args;
        lock (gate)
        {
            var (loaded, errors) = LoadAll(byFile);
            foreach (var error in errors)
                logger.LogError("Mapping profile not reloaded, the previous version stays in force: {Problem}", error.Message);
            byFile = loaded;
            args = new MappingProfilesReloadedEventArgs(loaded.Values.Select(idOf).Order().ToList(), errors);
        }
        Reloaded?.Invoke(this, args);
        return args;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        watcher?.Dispose();
        pending?.Dispose();
    }

    private void Schedule()
    {
        lock (gate)
        {
            pending?.Dispose();
            pending = new Timer(_ => SafeReload(), null, debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void SafeReload()
    {
        try
        {
            Reload();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogError(exception, "Mapping profiles in {Directory} could not be reloaded; the previous versions stay in force.", Directory);
        }
    }

    private (Dictionary<string, TProfile> Loaded, List<MappingProfileException> Errors) LoadAll(Dictionary<string, TProfile>? previous)
    {
        var loaded = new Dictionary<string, TProfile>(StringComparer.Ordinal);
        var errors = new List<MappingProfileException>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            try
            {
                var profile = load(file);
                var clash = loaded.FirstOrDefault(kv => nameOf(kv.Value) == nameOf(profile));
                if (clash.Value is not null)
                    throw new MappingProfileException(file, 1, $"profile name '{nameOf(profile)}' is already used by {Path.GetFileName(clash.Key)}; profile names must be unique.");
                loaded[file] = profile;
            }
            catch (MappingProfileException exception)
            {
                errors.Add(exception);
                if (previous is not null && previous.TryGetValue(file, out var old))
                    loaded[file] = old;
            }
        }
        return (loaded, errors);
    }
}
