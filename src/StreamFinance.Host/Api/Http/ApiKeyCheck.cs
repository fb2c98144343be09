using System.Security.Cryptography;
using System.Text;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// Compares a presented API key with the configured one in constant time: both are hashed with SHA-256 first, so
/// neither the content nor the length of the key leaks through response timing.
/// </summary>
internal sealed class ApiKeyCheck(string? configuredKey)
{
    private readonly byte[]? expected = configuredKey is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(configuredKey));

    /// <summary>Whether a key is configured, i.e. requests must present one.</summary>
    public bool Required => expected is not null;

    /// <summary>Whether <paramref name="presented"/> is the configured key.</summary>
    public bool Matches(string presented) =>
        expected is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expected);
}
