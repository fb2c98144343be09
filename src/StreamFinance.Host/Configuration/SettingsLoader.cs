using Microsoft.Extensions.Configuration;

namespace StreamFinance.Host.Configuration;

/// <summary>
/// Builds the configuration in the documented order, later sources winning:
/// <c>appsettings.json</c> beside the executable, <c>appsettings.json</c> in the working folder (or the file given with
/// <c>--config</c>), environment variables prefixed <c>STREAMFINANCE_</c> (<c>STREAMFINANCE_Kafka__BootstrapServers</c>),
/// then command-line values (<c>--set Kafka:BootstrapServers=host:9092</c> and the named options of each command).
/// </summary>
public static class SettingsLoader
{
    /// <summary>Prefix of the environment variables StreamFinance reads.</summary>
    public const string EnvironmentPrefix = "STREAMFINANCE_";

    /// <summary>Loads, binds and validates. Throws <see cref="ConfigurationException"/> with every problem found.</summary>
    public static StreamFinanceSettings Load(string? configFile, IReadOnlyDictionary<string, string?> commandLine)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        if (configFile is not null)
        {
            var full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
                throw new ConfigurationException($"--config: file '{full}' does not exist.");
            builder.AddJsonFile(full, optional: false);
        }
        else if (!SamePath(Directory.GetCurrentDirectory(), AppContext.BaseDirectory))
        {
            builder.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        }
        builder.AddEnvironmentVariables(EnvironmentPrefix).AddInMemoryCollection(commandLine);

        IConfigurationRoot configuration;
        try
        {
            configuration = builder.Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException)
        {
            throw new ConfigurationException($"Configuration file is not valid JSON: {e.Message}", e);
        }
        return StreamFinanceSettings.Bind(configuration);
    }

    /// <summary>Parses <c>--set key=value</c> pairs; the key uses ':' between sections (Kafka:BootstrapServers).</summary>
    public static Dictionary<string, string?> ParseAssignments(IEnumerable<string> assignments)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var assignment in assignments)
        {
            var eq = assignment.IndexOf('=');
            if (eq <= 0)
                throw new ConfigurationException($"--set '{assignment}' is not key=value (for example --set Kafka:BootstrapServers=kafka:9092).");
            result[assignment[..eq].Trim()] = assignment[(eq + 1)..];
        }
        return result;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd('/'), Path.GetFullPath(b).TrimEnd('/'), StringComparison.Ordinal);
}
