using System.Net;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// What <c>broker</c> checks before it starts the embedded cluster: each broker's fixed port (<c>--port</c> for the
/// first, the next ports for the others), the control channel's <c>--control-port</c> and the Schema Registry's
/// <c>--registry-port</c>, all on 127.0.0.1.
/// </summary>
public static class BrokerPreflight
{
    /// <summary>The checks for the options given; null or 0 ports take a free port and are not checked.</summary>
    public static StartupPreflight For(int brokers, int? port, int controlPort, int? registryPort)
    {
        var preflight = new StartupPreflight();
        if (port is > 0)
            for (var broker = 1; broker <= brokers; broker++)
                preflight.Listener(new ListenerCheck(
                    "--port", IPAddress.Loopback, port.Value + broker - 1,
                    broker == 1 ? "the embedded broker" : $"embedded broker {broker} (--port + {broker - 1})",
                    "Stop that process or choose another --port (leave it out for free ports)."));
        preflight.Listener(new ListenerCheck(
            "--control-port", IPAddress.Loopback, controlPort, "the broker control channel",
            "Stop that process or choose another --control-port (0 or none takes a free port)."));
        if (registryPort is { } registry)
            preflight.Listener(new ListenerCheck(
                "--registry-port", IPAddress.Loopback, registry, "the embedded Schema Registry",
                "Stop that process or choose another --registry-port (0 takes a free port)."));
        return preflight;
    }
}
