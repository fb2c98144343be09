using System.Net;

namespace StreamFinance.Benchmarks.Load;

/// <summary>
/// At most <c>maxConnections</c> keep-alive <see cref="HttpConnection"/>s to one server, each carrying one request at a
/// time (no pipelining); a request waits for a free connection when all are busy, and that wait counts as latency.
/// </summary>
internal sealed class HttpConnectionPool(EndPoint server, int maxConnections) : IDisposable
{
    private readonly SemaphoreSlim slots = new(maxConnections, maxConnections);
    private readonly Stack<HttpConnection> idle = new();

    /// <summary>Sends a pre-encoded request on a free connection and returns the response's status code.</summary>
    public async Task<int> SendAsync(ReadOnlyMemory<byte> request, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        HttpConnection? connection = null;
        try
        {
            lock (idle)
                idle.TryPop(out connection);
            connection ??= await HttpConnection.OpenAsync(server, ct);
            var status = await connection.ExchangeAsync(request, ct);
            if (connection.Reusable)
            {
                lock (idle)
                    idle.Push(connection);
                connection = null;
            }
            return status;
        }
        finally
        {
            connection?.Dispose();
            slots.Release();
        }
    }

    public void Dispose()
    {
        lock (idle)
            while (idle.TryPop(out var connection))
                connection.Dispose();
        slots.Dispose();
    }
}
