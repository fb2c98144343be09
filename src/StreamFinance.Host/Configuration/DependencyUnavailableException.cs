namespace StreamFinance.Host.Configuration;

/// <summary>
/// Kafka or the Schema Registry did not answer at start-up. The message names the address that was tried and the
/// setting that holds it; the command exits with code 3, so a supervisor can tell it from a configuration error.
/// </summary>
public sealed class DependencyUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
