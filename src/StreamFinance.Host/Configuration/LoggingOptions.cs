namespace StreamFinance.Host.Configuration;

/// <summary>
/// StreamFinance's own logging setting, bound from the <c>Logging</c> section. The rest of that section
/// (<c>LogLevel</c>, provider sections) belongs to Microsoft.Extensions.Logging and is read by it.
/// </summary>
public sealed class LoggingOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Logging";

    /// <summary>Console format: <see cref="LogFormat.Simple"/> (default) or <see cref="LogFormat.Json"/>. Both include scopes, and so the correlation id of the record a line is about.</summary>
    public LogFormat Format { get; set; } = LogFormat.Simple;

    /// <inheritdoc />
    public override string ToString() => $"Format={Format}";
}
