using System.Net;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// A TCP listener a command is about to open, as <see cref="StartupPreflight"/> checks it: where, and the words of a
/// message that names the setting or option to change.
/// </summary>
/// <param name="Setting">The setting or option that chose the port, e.g. <c>Api:Port</c> or <c>--control-port</c>.</param>
/// <param name="Address">The address to listen on.</param>
/// <param name="Port">The port; 0 (any free port) is never checked.</param>
/// <param name="Purpose">What listens there, e.g. <c>the validation API</c>.</param>
/// <param name="Remedy">What to do when the port is taken, e.g. <c>Choose another port with --set Api:Port=&lt;port&gt; (0 takes any free port).</c></param>
/// <param name="HostSetting">The setting that chose the address, e.g. <c>Api:Host</c>; null when the address is fixed.</param>
public sealed record ListenerCheck(string Setting, IPAddress Address, int Port, string Purpose, string Remedy, string? HostSetting = null)
{
    /// <summary>Whether this listener and <paramref name="other"/> would compete for the same port.</summary>
    public bool Overlaps(ListenerCheck other) =>
        Port != 0 && Port == other.Port
        && (Address.Equals(other.Address) || IsAny(Address) || IsAny(other.Address));

    private static bool IsAny(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
}
