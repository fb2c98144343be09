using System.Globalization;
using System.Net;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api;

/// <summary>
/// The real-time validation API (<c>/v1</c>): whether <c>demo</c> and <c>run</c> serve it, where it listens, and the
/// optional API key. Bound from the <c>Api</c> configuration section. The key is a secret: <see cref="ToString"/> masks it.
/// </summary>
public sealed class ValidationApiOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Api";

    /// <summary>Name of the request header that carries the API key.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    private string? apiKey;

    /// <summary>Whether <c>demo</c> and <c>run</c> start the API. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// IP address to listen on: <c>127.0.0.1</c> (default, this machine only), <c>0.0.0.0</c> or <c>::</c> (every
    /// interface: set <see cref="ApiKey"/> too), any local address, or <c>localhost</c> (taken as 127.0.0.1).
    /// </summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port. Default 8080; 0 picks a free port (tests, benchmarks).</summary>
    public int Port { get; set; } = 8080;

    /// <summary>
    /// When set, every request must carry it in the <c>X-Api-Key</c> header (compared in constant time), otherwise it is
    /// answered 401. At least 16 characters; an empty value means none. A secret: never logged. Default none (no key required).
    /// </summary>
    public string? ApiKey
    {
        get => apiKey;
        set => apiKey = string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Seconds a client is told to wait (<c>Retry-After</c>) when it is answered 503 while the stores restore. Default 5.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>The address <see cref="Host"/> names; call after <see cref="Validate"/> found no problem.</summary>
    public IPAddress ListenAddress =>
        string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.Parse(Host);

    /// <summary>Every problem with these settings, each phrased so a person can fix it.</summary>
    public IEnumerable<string> Validate()
    {
        if (!string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(Host, out _))
            yield return $"Api:Host '{Host}' is not an IP address: use 127.0.0.1 (this machine only), 0.0.0.0 (every interface) or another local address.";
        if (Port is < 0 or > 65535)
            yield return $"Api:Port is {Port}: use a TCP port from 1 to 65535, or 0 for any free port.";
        if (ApiKey is not null && (ApiKey.Length < 16 || ApiKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
            yield return "Api:ApiKey must be at least 16 characters without spaces or control characters (or left empty for no key).";
        if (RetryAfterSeconds is < 1 or > 3600)
            yield return $"Api:RetryAfterSeconds is {RetryAfterSeconds}: use 1 to 3600.";
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Enabled={Enabled}, Host={Host}, Port={Port}, ApiKey={(ApiKey is null ? "-" : "***")}, RetryAfterSeconds={RetryAfterSeconds}");
}
