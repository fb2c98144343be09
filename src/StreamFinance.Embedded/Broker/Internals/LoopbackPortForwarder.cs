using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace StreamFinance.Embedded.Broker.Internals;

/// <summary>
/// Listens on a chosen 127.0.0.1 port and relays every connection, byte for byte, to a mock broker's
/// ephemeral port. This is how a broker gets a fixed port: librdkafka's mock cluster cannot bind one.
/// </summary>
internal sealed class LoopbackPortForwarder : IDisposable
{
    private readonly TcpListener listener;
    private readonly int targetPort;
    // Never disposed: relays may still read its token after Dispose, and it holds no timer.
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<TcpClient, byte> connections = new();

    private LoopbackPortForwarder(TcpListener listener, int targetPort)
    {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /// <summary>The port clients connect to.</summary>
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Starts relaying 127.0.0.1:<paramref name="listenPort"/> to 127.0.0.1:<paramref name="targetPort"/>.</summary>
    /// <exception cref="InvalidOperationException">The port cannot be bound, e.g. because it is in use.</exception>
    public static LoopbackPortForwarder Start(int listenPort, int targetPort)
    {
        var listener = new TcpListener(IPAddress.Loopback, listenPort);
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new InvalidOperationException(
                $"The embedded Kafka cluster cannot listen on 127.0.0.1:{listenPort}: {e.Message}. Choose another port, or none for ephemeral ports.", e);
        }

        var forwarder = new LoopbackPortForwarder(listener, targetPort);
        _ = forwarder.AcceptLoopAsync();
        return forwarder;
    }

    /// <summary>Stops listening and drops every relayed connection.</summary>
    public void Dispose()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        stopping.Cancel();
        listener.Stop();
        foreach (var connection in connections.Keys)
        {
            connection.Dispose();
        }

    }

    private async Task AcceptLoopAsync()
    {
        var token = stopping.Token;
        while (!token.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (token.IsCancellationRequested)
                {
                    return;
                }

                continue; // a client that gave up during accept
            }

            _ = RelayAsync(client, token);
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken token)
    {
        using var upstream = new TcpClient(AddressFamily.InterNetwork);
        connections[client] = 0;
        connections[upstream] = 0;
        try
        {
            client.NoDelay = true;
            upstream.NoDelay = true;
            await upstream.ConnectAsync(IPAddress.Loopback, targetPort, token);
            // Kafka connections never half-close: when one side ends, end both.
            await Task.WhenAny(PumpAsync(client, upstream, token), PumpAsync(upstream, client, token));
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
        {
            // The broker is down or the client left: closing both sockets below is all there is to do.
        }
        finally
        {
            connections.TryRemove(client, out _);
            connections.TryRemove(upstream, out _);
            client.Dispose();
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken token)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
        {
            // One side went away; the caller closes both.
        }
    }
}
