namespace StreamFinance.Host.Configuration;

/// <summary>
/// A setting is missing or wrong. The message names the setting and says how to fix it; the command exits with code 2.
/// </summary>
public sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
