using System.Net;
using System.Net.Sockets;

namespace StreamFinance.TestSupport.Ports;

/// <summary>A loopback port another "process" listens on for as long as this lives.</summary>
public sealed class TakenPort : IDisposable
{
    private readonly TcpListener listener;

    /// <summary>Listens on a free port the system picks.</summary>
    public TakenPort()
        : this(0)
    {
    }

    private TakenPort(int port)
    {
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A port that was free a moment ago, for a listener that cannot be given port 0 (a webhook's configured port).</summary>
    public static int Free()
    {
        using var taken = new TakenPort();
        return taken.Port;
    }

    /// <summary>The port held.</summary>
    public int Port { get; }

    /// <summary>
    /// Holds <paramref name="port"/> (a product default such as 9464 or 8080), so that a test proves it does not need it;
    /// null when something else on the machine holds it already, which proves the same.
    /// </summary>
    public static TakenPort? Hold(int port)
    {
        try
        {
            return new TakenPort(port);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => listener.Dispose();
}
