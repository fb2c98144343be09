using System.Net;
using System.Net.Sockets;

namespace StreamFinance.Host.Tests.Support;

/// <summary>A loopback port another "process" listens on for as long as this lives.</summary>
internal sealed class TakenPort : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public TakenPort()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public void Dispose() => listener.Dispose();
}
