using DotNet.Testcontainers.Configurations;

namespace StreamFinance.IntegrationTests.Stacks;

/// <summary>Whether Testcontainers found a Docker engine to talk to.</summary>
public static class DockerAvailability
{
    /// <summary>
    /// Null when a Docker endpoint was found; otherwise why container scenarios are skipped.
    /// A <c>docker</c> client on PATH proves nothing: Testcontainers needs an engine endpoint.
    /// </summary>
    public static string? UnavailableReason =>
        TestcontainersSettings.OS.DockerEndpointAuthConfig is null
            ? "Docker engine not available: Testcontainers found no Docker endpoint (DOCKER_HOST, ~/.testcontainers.properties, " +
              "or the default socket). The same scenarios run against the embedded stack."
            : null;
}
