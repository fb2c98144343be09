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
    private readonly string directory;
    private readonly MappingProfileLoader loader;
    private readonly ILogger logger;
    private readonly TimeSpan debounce;
    private readonly object gate = new();
    private readonly FileSystemWatcher? watcher;
    private Dictionary<string, IRecordMapper> byFile = new(StringComparer.Ordinal);
    private Timer? pending;

    /// <summary>Loads every <c>*.yaml</c> of <paramref name="directory"/>.</summary>
    /// <param name="directory">The profile directory.</param>
    /// <param name="loader">The loader (default: <see cref="MappingProfileLoader"/> with the default formats).</param>
    /// <param name="logger">Where reload problems are logged.</param>
    /// <param name="watch">Whether to reload on file changes (default true).</param>
    /// <param name="debounce">How long to wait after the last change before reloading (default 300 ms).</param>
    /// <exception cref="MappingProfileException">A profile is invalid, or two files declare the same profile name.</exception>
    public MappingProfileCatalog(string directory, MappingProfileLoader? loader = null, ILogger? logger = null, bool watch = true, TimeSpan? debounce = null)
    {
        this.directory = Path.GetFullPath(directory);
        this.loader = loader ?? new MappingProfileLoader();
        this.logger = logger ?? NullLogger.Instance;
        this.debounce = debounce ?? TimeSpan.FromMilliseconds(300);
        if (!Directory.Exists(this.directory))
            throw new DirectoryNotFoundException($"Mapping profile directory '{this.directory}' does not exist; set the connectors' profile directory to the folder holding the *.yaml profiles.");
        var (loaded, errors) = LoadAll(previous: null);
        if (errors.Count > 0)
            throw errors[0];
        byFile = loaded;
        if (!watch)
            return;
        watcher = new FileSystemWatcher(this.directory, "*.yaml") { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        watcher.Changed += (_, _) => Schedule();
        watcher.Created += (_, _) => Schedule();
        watcher.Deleted += (_, _) => Schedule();
        watcher.Renamed += (_, _) => Schedule();
        watcher.EnableRaisingEvents = true;
    }

    /// <summary>Raised after each reload, with what was loaded and what was rejected.</summary>
    public event EventHandler<MappingProfilesReloadedEventArgs>? Reloaded;

    /// <summary>The profiles in force, by name.</summary>
    public IReadOnlyDictionary<string, IRecordMapper> Profiles
    {
        get
        {
            lock (gate)
                return byFile.Values.ToDictionary(m => m.ProfileName, StringComparer.Ordinal);
        }
    }

    /// <summary>The profile named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such profile; the message lists the loaded ones.</exception>
    public IRecordMapper Get(string name) =>
        TryGet(name, out var mapper) ? mapper : throw new KeyNotFoundException($"Mapping profile '{name}' is not loaded from {directory}. Loaded: {string.Join(", ", Profiles.Keys.Order())}.");

    /// <summary>Looks a profile up by name.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IRecordMapper? mapper)
    {
        lock (gate)
            mapper = byFile.Values.FirstOrDefault(m => m.ProfileName == name);
        return mapper is not null;
    }

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
            args = new MappingProfilesReloadedEventArgs(loaded.Values.Select(m => m.ProfileId).Order().ToList(), errors);
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
            logger.LogError(exception, "Mapping profiles in {Directory} could not be reloaded; the previous versions stay in force.", directory);
        }
    }

    private (Dictionary<string, IRecordMapper> Loaded, List<MappingProfileException> Errors) LoadAll(Dictionary<string, IRecordMapper>? previous)
    {
        var loaded = new Dictionary<string, IRecordMapper>(StringComparer.Ordinal);
        var errors = new List<MappingProfileException>();
        foreach (var file in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            try
            {
                var mapper = loader.LoadFile(file);
                var clash = loaded.FirstOrDefault(kv => kv.Value.ProfileName == mapper.ProfileName);
                if (clash.Value is not null)
                    throw new MappingProfileException(file, 1, $"profile name '{mapper.ProfileName}' is already used by {Path.GetFileName(clash.Key)}; profile names must be unique.");
                loaded[file] = mapper;
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
